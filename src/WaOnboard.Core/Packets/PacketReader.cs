using System.Globalization;

namespace WaOnboard.Packets;

/// <summary>Builds the typed <see cref="Packet"/> from a loaded tree; the schema has already named every wrong value.</summary>
internal static class PacketReader
{
    public static Packet Read(MapNode? root)
    {
        if (root is null)
        {
            return Packet.Empty;
        }
        var business = root["business"] as MapNode;
        var account = root["account"] as MapNode;
        var phone = root["phone"] as MapNode;
        var profile = root["profile"] as MapNode;
        var channel = root["channel"] as MapNode;
        var estimate = root["estimate"] as MapNode;
        return new Packet
        {
            SchemaVersion = int.TryParse(Text(root, "schemaVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null,
            Provider = Text(root, "provider"),
            Business = new Business
            {
                FacebookBusinessId = Text(business, "facebookBusinessId"),
                VerifiedName = Text(business, "verifiedName"),
                LegalName = Text(business, "legalName"),
                Verified = Flag(business, "verified"),
            },
            Account = new Account { Plan = Text(account, "plan"), TermsAccepted = Flag(account, "termsAccepted") },
            Phone = new PhoneSection
            {
                Number = Text(phone, "number"),
                CanReceive = Texts(phone, "canReceive"),
                UsedOnWhatsAppBefore = Flag(phone, "usedOnWhatsAppBefore"),
                Provider = Text(phone, "provider"),
                CurrentlyOn = Text(phone, "currentlyOn"),
                TwoStepPinReady = Flag(phone, "twoStepPinReady"),
            },
            Templates = [.. Maps(root, "hsm").Select(t => new MessageTemplate
            {
                Namespace = Text(t, "namespace"),
                ElementName = Text(t, "elementName"),
                Approved = Flag(t, "approved"),
                Category = Text(t, "category"),
                Translations = [.. Maps(t, "translations").Select(l => new TemplateTranslation
                {
                    Language = Text(l, "language"),
                    Body = Text(l, "body"),
                    Examples = Texts(l, "examples"),
                    HeaderFormat = Text(l["header"] as MapNode, "format"),
                    HeaderText = Text(l["header"] as MapNode, "text"),
                    Footer = Text(l, "footer"),
                    Buttons = [.. Maps(l, "buttons").Select(b => new TemplateButton
                    {
                        Type = Text(b, "type"),
                        Text = Text(b, "text"),
                        Url = Text(b, "url"),
                        PhoneNumber = Text(b, "phoneNumber"),
                    })],
                })],
            })],
            Profile = new BusinessProfile
            {
                BusinessName = Text(profile, "businessName"),
                AlsoKnownAs = Texts(profile, "alsoKnownAs"),
                NameInEnglish = Text(profile, "nameInEnglish"),
                ParentBrand = Text(profile, "parentBrand"),
                About = Text(profile, "about"),
                Description = Text(profile, "description"),
                Address = Text(profile, "address"),
                Email = Text(profile, "email"),
                Vertical = Text(profile, "vertical"),
                Websites = Texts(profile, "websites"),
                FacebookPage = Text(profile, "facebookPage"),
                PhoneNumbers = Texts(profile, "phoneNumbers"),
                Avatar = Text(profile, "avatar"),
                OfficialBusinessAccount = ReadOfficialBusinessAccount(profile?["officialBusinessAccount"] as MapNode),
            },
            LineOfCredit = new LineOfCredit { Approved = Flag(root["lineOfCredit"] as MapNode, "approved") },
            Channel = new Channel { Name = Text(channel, "name"), Script = Text(channel, "script") },
            Estimate = new Estimate
            {
                SessionsPerMonth = long.TryParse(Text(estimate, "sessionsPerMonth"), NumberStyles.None, CultureInfo.InvariantCulture, out var sessions) ? sessions : null,
                Country = Text(estimate, "country"),
                Currency = Text(estimate, "currency"),
                Messages = Counts(estimate?["messages"] as MapNode),
            },
        };
    }

    private static OfficialBusinessAccount ReadOfficialBusinessAccount(MapNode? oba) => new()
    {
        Requested = Flag(oba, "requested"),
        PrimaryCountry = Text(oba, "primaryCountry"),
        PrimaryLanguage = Text(oba, "primaryLanguage"),
        ParentBrand = Text(oba, "parentBrand"),
        SupportingLinks = Texts(oba, "supportingLinks"),
    };

    private static Dictionary<string, long> Counts(MapNode? map)
    {
        var counts = new Dictionary<string, long>();
        foreach (var entry in map?.Entries ?? [])
        {
            if (entry.Value is ScalarNode scalar && long.TryParse(scalar.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[entry.Key] = count;
            }
        }
        return counts;
    }

    private static string? Text(MapNode? map, string key) => map?[key] is ScalarNode { IsBlank: false } scalar ? scalar.Text : null;

    private static bool? Flag(MapNode? map, string key) => map?[key] switch
    {
        ScalarNode { IsTrue: true } => true,
        ScalarNode { IsFalse: true } => false,
        _ => null,
    };

    private static IReadOnlyList<string> Texts(MapNode? map, string key) => map?[key] switch
    {
        ListNode list => [.. list.Items.OfType<ScalarNode>().Where(s => !s.IsBlank).Select(s => s.Text)],
        ScalarNode { IsBlank: false } scalar => [scalar.Text],
        _ => [],
    };

    private static IEnumerable<MapNode> Maps(MapNode? map, string key) => (map?[key] as ListNode)?.Items.OfType<MapNode>() ?? [];
}
