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
            },
            Templates = [.. Maps(root, "hsm").Select(t => new MessageTemplate
            {
                Namespace = Text(t, "namespace"),
                ElementName = Text(t, "elementName"),
                Approved = Flag(t, "approved"),
                Translations = [.. Maps(t, "translations").Select(l => new TemplateTranslation { Language = Text(l, "language"), Body = Text(l, "body") })],
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
            },
            LineOfCredit = new LineOfCredit { Approved = Flag(root["lineOfCredit"] as MapNode, "approved") },
            Channel = new Channel { Name = Text(channel, "name"), Script = Text(channel, "script") },
            Estimate = new Estimate
            {
                SessionsPerMonth = long.TryParse(Text(estimate, "sessionsPerMonth"), NumberStyles.None, CultureInfo.InvariantCulture, out var sessions) ? sessions : null,
                Country = Text(estimate, "country"),
                Currency = Text(estimate, "currency"),
            },
        };
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
