namespace WaOnboard.Packets;

/// <summary>
/// A packet as typed values (spec/packet.md). Read leniently from the loaded tree: a value of the wrong kind is
/// already a finding of the schema, and is null here. Texts are trimmed of nothing and null when blank.
/// </summary>
public sealed record Packet
{
    /// <summary>The packet of a file that could not be read: every section empty.</summary>
    public static readonly Packet Empty = new();

    /// <summary><c>schemaVersion</c>, when given as a whole number.</summary>
    public int? SchemaVersion { get; init; }

    /// <summary><c>provider</c>: the profile the packet asks for.</summary>
    public string? Provider { get; init; }

    /// <summary><c>business</c>.</summary>
    public Business Business { get; init; } = new();

    /// <summary><c>account</c>: the provider account's facts.</summary>
    public Account Account { get; init; } = new();

    /// <summary><c>phone</c>: the number WhatsApp will register.</summary>
    public PhoneSection Phone { get; init; } = new();

    /// <summary><c>hsm</c>: the message templates, in file order.</summary>
    public IReadOnlyList<MessageTemplate> Templates { get; init; } = [];

    /// <summary><c>profile</c>: what WhatsApp shows, and the verified-status request.</summary>
    public BusinessProfile Profile { get; init; } = new();

    /// <summary><c>lineOfCredit</c>.</summary>
    public LineOfCredit LineOfCredit { get; init; } = new();

    /// <summary><c>channel</c>: the contact-centre channel.</summary>
    public Channel Channel { get; init; } = new();

    /// <summary><c>estimate</c>: what the monthly cost estimate is worked out from.</summary>
    public Estimate Estimate { get; init; } = new();

    /// <summary>The name customers see: the verified name, else the profile's business name; null when neither is given.</summary>
    public string? DisplayName => Business.VerifiedName ?? Profile.BusinessName;

    /// <summary>Every language of the templates' translations, once each, in file order.</summary>
    public IReadOnlyList<string> TemplateLanguages =>
        [.. Templates.SelectMany(t => t.Translations).Select(t => t.Language?.Trim()).OfType<string>().Where(l => l.Length > 0).Distinct()];
}

/// <summary>The business: its Facebook Business Manager ID and its verified (display) name.</summary>
public sealed record Business
{
    /// <summary><c>business.facebookBusinessId</c>.</summary>
    public string? FacebookBusinessId { get; init; }

    /// <summary><c>business.verifiedName</c>: the WhatsApp display name.</summary>
    public string? VerifiedName { get; init; }

    /// <summary><c>business.legalName</c>.</summary>
    public string? LegalName { get; init; }

    /// <summary><c>business.verified</c>: Business Manager verification is done.</summary>
    public bool? Verified { get; init; }
}

/// <summary>The provider account's facts.</summary>
public sealed record Account
{
    /// <summary><c>account.plan</c>.</summary>
    public string? Plan { get; init; }

    /// <summary><c>account.termsAccepted</c>.</summary>
    public bool? TermsAccepted { get; init; }
}

/// <summary>The number WhatsApp will register, and how its registration code can reach it.</summary>
public sealed record PhoneSection
{
    /// <summary><c>phone.number</c>, as written.</summary>
    public string? Number { get; init; }

    /// <summary><c>phone.canReceive</c>: sms, voice.</summary>
    public IReadOnlyList<string> CanReceive { get; init; } = [];

    /// <summary><c>phone.usedOnWhatsAppBefore</c>.</summary>
    public bool? UsedOnWhatsAppBefore { get; init; }

    /// <summary><c>phone.provider</c>: who provides the line.</summary>
    public string? Provider { get; init; }

    /// <summary><c>phone.currentlyOn</c>: none, consumer-app, business-app or other-provider.</summary>
    public string? CurrentlyOn { get; init; }

    /// <summary><c>phone.twoStepPinReady</c>: the six-digit two-step verification PIN is chosen.</summary>
    public bool? TwoStepPinReady { get; init; }
}

/// <summary>A message template (HSM) and its translations.</summary>
public sealed record MessageTemplate
{
    /// <summary><c>hsm[i].namespace</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>hsm[i].elementName</c>.</summary>
    public string? ElementName { get; init; }

    /// <summary><c>hsm[i].approved</c>.</summary>
    public bool? Approved { get; init; }

    /// <summary><c>hsm[i].category</c>: marketing, utility or authentication.</summary>
    public string? Category { get; init; }

    /// <summary><c>hsm[i].translations</c>.</summary>
    public IReadOnlyList<TemplateTranslation> Translations { get; init; } = [];
}

/// <summary>One language of a message template.</summary>
public sealed record TemplateTranslation
{
    /// <summary><c>language</c>.</summary>
    public string? Language { get; init; }

    /// <summary><c>body</c>.</summary>
    public string? Body { get; init; }

    /// <summary><c>examples</c>: one sample value per variable of the body.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary><c>header.format</c>: text, image, video or document.</summary>
    public string? HeaderFormat { get; init; }

    /// <summary><c>header.text</c>.</summary>
    public string? HeaderText { get; init; }

    /// <summary><c>footer</c>.</summary>
    public string? Footer { get; init; }

    /// <summary><c>buttons</c>.</summary>
    public IReadOnlyList<TemplateButton> Buttons { get; init; } = [];
}

/// <summary>A button of a message template.</summary>
public sealed record TemplateButton
{
    /// <summary><c>type</c>: quick-reply, url, phone-number or copy-code.</summary>
    public string? Type { get; init; }

    /// <summary><c>text</c>: the button's label.</summary>
    public string? Text { get; init; }

    /// <summary><c>url</c>, for a url button.</summary>
    public string? Url { get; init; }

    /// <summary><c>phoneNumber</c>, for a phone-number button.</summary>
    public string? PhoneNumber { get; init; }
}

/// <summary>What WhatsApp shows of the business, and the details of the verified-status request.</summary>
public sealed record BusinessProfile
{
    /// <summary><c>profile.businessName</c>.</summary>
    public string? BusinessName { get; init; }

    /// <summary><c>profile.alsoKnownAs</c>.</summary>
    public IReadOnlyList<string> AlsoKnownAs { get; init; } = [];

    /// <summary><c>profile.nameInEnglish</c>.</summary>
    public string? NameInEnglish { get; init; }

    /// <summary><c>profile.parentBrand</c>.</summary>
    public string? ParentBrand { get; init; }

    /// <summary><c>profile.about</c>.</summary>
    public string? About { get; init; }

    /// <summary><c>profile.description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>profile.address</c>.</summary>
    public string? Address { get; init; }

    /// <summary><c>profile.email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>profile.vertical</c>.</summary>
    public string? Vertical { get; init; }

    /// <summary><c>profile.websites</c>.</summary>
    public IReadOnlyList<string> Websites { get; init; } = [];

    /// <summary><c>profile.facebookPage</c>.</summary>
    public string? FacebookPage { get; init; }

    /// <summary><c>profile.phoneNumbers</c>: public contact numbers.</summary>
    public IReadOnlyList<string> PhoneNumbers { get; init; } = [];

    /// <summary><c>profile.avatar</c>: the picture's path, relative to the packet's folder.</summary>
    public string? Avatar { get; init; }

    /// <summary><c>profile.officialBusinessAccount</c>: the Official Business Account (blue check) request.</summary>
    public OfficialBusinessAccount OfficialBusinessAccount { get; init; } = new();
}

/// <summary>The Official Business Account (blue check) request.</summary>
public sealed record OfficialBusinessAccount
{
    /// <summary><c>requested</c>.</summary>
    public bool? Requested { get; init; }

    /// <summary><c>primaryCountry</c>: ISO 3166-1 alpha-2.</summary>
    public string? PrimaryCountry { get; init; }

    /// <summary><c>primaryLanguage</c>.</summary>
    public string? PrimaryLanguage { get; init; }

    /// <summary><c>parentBrand</c>.</summary>
    public string? ParentBrand { get; init; }

    /// <summary><c>supportingLinks</c>: at most 5 https addresses.</summary>
    public IReadOnlyList<string> SupportingLinks { get; init; } = [];
}

/// <summary>The line of credit that lets the provider send templates on the business's behalf.</summary>
public sealed record LineOfCredit
{
    /// <summary><c>lineOfCredit.approved</c>.</summary>
    public bool? Approved { get; init; }
}

/// <summary>The contact-centre channel.</summary>
public sealed record Channel
{
    /// <summary><c>channel.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>channel.script</c>.</summary>
    public string? Script { get; init; }
}

/// <summary>What the monthly cost estimate is worked out from.</summary>
public sealed record Estimate
{
    /// <summary><c>estimate.sessionsPerMonth</c>.</summary>
    public long? SessionsPerMonth { get; init; }

    /// <summary><c>estimate.country</c>.</summary>
    public string? Country { get; init; }

    /// <summary><c>estimate.currency</c>.</summary>
    public string? Currency { get; init; }

    /// <summary><c>estimate.messages</c>: messages per month by category (marketing, utility, authentication, service).</summary>
    public IReadOnlyDictionary<string, long> Messages { get; init; } = new Dictionary<string, long>();
}
