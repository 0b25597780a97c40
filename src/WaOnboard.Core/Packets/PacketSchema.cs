using WaOnboard.Findings;

namespace WaOnboard.Packets;

/// <summary>
/// The fields of packet version 1 (spec/packet.md) and the kind of value each takes. A field the schema does not
/// know is a warning, so that a typo such as <c>verifedName</c> never passes silently; a value of the wrong kind
/// is an error. Which fields are required is for the rules of each profile, not for the schema.
/// </summary>
public static class PacketSchema
{
    /// <summary>The only packet version so far.</summary>
    public const int Version = 1;

    private static readonly Shape Text = new ScalarShape("text", ScalarKind.String, ScalarKind.Number);
    private static readonly Shape Flag = new ScalarShape("true or false", ScalarKind.Boolean);
    private static readonly Shape Whole = new ScalarShape("a whole number", ScalarKind.Number);
    private static readonly Shape TextList = new ListShape(Text);

    private static readonly MapShape Root = new(new()
    {
        ["schemaVersion"] = Whole,
        ["provider"] = Text,
        ["business"] = new MapShape(new() { ["facebookBusinessId"] = Text, ["verifiedName"] = Text, ["legalName"] = Text, ["verified"] = Flag }),
        ["account"] = new MapShape(new() { ["plan"] = Text, ["termsAccepted"] = Flag }),
        ["phone"] = new MapShape(new()
        {
            ["number"] = Text,
            ["canReceive"] = TextList,
            ["usedOnWhatsAppBefore"] = Flag,
            ["provider"] = Text,
            ["currentlyOn"] = Text,
            ["twoStepPinReady"] = Flag,
            ["twoStepPin"] = Text, // known so that the rule, not a typo suggestion, tells them to remove it
        }),
        ["hsm"] = new ListShape(new MapShape(new()
        {
            ["namespace"] = Text,
            ["elementName"] = Text,
            ["approved"] = Flag,
            ["category"] = Text,
            ["translations"] = new ListShape(new MapShape(new()
            {
                ["language"] = Text,
                ["body"] = Text,
                ["examples"] = TextList,
                ["header"] = new MapShape(new() { ["format"] = Text, ["text"] = Text }),
                ["footer"] = Text,
                ["buttons"] = new ListShape(new MapShape(new() { ["type"] = Text, ["text"] = Text, ["url"] = Text, ["phoneNumber"] = Text })),
            })),
        })),
        ["profile"] = new MapShape(new()
        {
            ["businessName"] = Text,
            ["alsoKnownAs"] = TextList,
            ["nameInEnglish"] = Text,
            ["parentBrand"] = Text,
            ["about"] = Text,
            ["description"] = Text,
            ["address"] = Text,
            ["email"] = Text,
            ["vertical"] = Text,
            ["websites"] = TextList,
            ["facebookPage"] = Text,
            ["phoneNumbers"] = TextList,
            ["avatar"] = Text,
            ["officialBusinessAccount"] = new MapShape(new()
            {
                ["requested"] = Flag,
                ["primaryCountry"] = Text,
                ["primaryLanguage"] = Text,
                ["parentBrand"] = Text,
                ["supportingLinks"] = TextList,
            }),
        }),
        ["lineOfCredit"] = new MapShape(new() { ["approved"] = Flag }),
        ["channel"] = new MapShape(new() { ["name"] = Text, ["script"] = Text }),
        ["estimate"] = new MapShape(new()
        {
            ["sessionsPerMonth"] = Whole,
            ["country"] = Text,
            ["currency"] = Text,
            ["messages"] = new MapShape(new() { ["marketing"] = Whole, ["utility"] = Whole, ["authentication"] = Whole, ["service"] = Whole }),
        }),
    });

    /// <summary>Every field path the schema knows, with <c>[*]</c> for list items (<c>hsm[*].translations[*].body</c>).</summary>
    public static IReadOnlyCollection<string> KnownPaths { get; } = [.. Paths(Root, "")];

    /// <summary>Adds a finding for every unknown field, value of the wrong kind, and unsupported schema version.</summary>
    public static void Check(MapNode root, List<Finding> findings)
    {
        if (root["schemaVersion"] is ScalarNode { Kind: ScalarKind.Number } version && version.Text != "1")
        {
            findings.Add(new Finding("schema-version", Severity.Error, "",
                $"The packet says schemaVersion {version.Text}; this validator reads version {Version} only.",
                "Write schemaVersion: 1, or leave the field out.")
            { Line = version.Line, Column = version.Column });
        }
        Walk(Root, root, "", findings);
    }

    private static void Walk(Shape shape, PacketNode node, string path, List<Finding> findings)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return; // A null value is a missing value: rules decide whether that matters.
        }
        switch (shape)
        {
            case ScalarShape scalar when node is ScalarNode value:
                if (Array.IndexOf(scalar.Kinds, value.Kind) < 0)
                {
                    findings.Add(WrongKind(path, node, $"{scalar.Name}, not '{Clip(value.Text)}'"));
                }
                else if (scalar == Whole && !value.Text.All(char.IsAsciiDigit))
                {
                    findings.Add(WrongKind(path, node, $"a whole number, not '{Clip(value.Text)}'"));
                }
                break;
            case MapShape map when node is MapNode value:
                foreach (var entry in value.Entries)
                {
                    var childPath = PacketPath.Field(path, entry.Key);
                    if (map.Fields.TryGetValue(entry.Key, out var child))
                    {
                        Walk(child, entry.Value, childPath, findings);
                        continue;
                    }
                    var suggestion = Closest(entry.Key, map.Fields.Keys);
                    findings.Add(new Finding("unknown-field", Severity.Warning, childPath,
                        $"'{Clip(entry.Key)}' is not a field of {(path.Length == 0 ? "a packet" : path)}" +
                        (suggestion is null ? "; it is ignored." : $"; did you mean '{suggestion}'? It is ignored."),
                        suggestion is null
                            ? $"Known fields here: {string.Join(", ", map.Fields.Keys)}."
                            : $"Rename it to '{suggestion}'.")
                    { Line = entry.Line, Column = entry.Column });
                }
                break;
            case ListShape list when node is ListNode value:
                for (var i = 0; i < value.Items.Count; i++)
                {
                    Walk(list.Item, value.Items[i], PacketPath.Item(path, i), findings);
                }
                break;
            default:
                findings.Add(WrongKind(path, node, shape switch
                {
                    MapShape => "a set of fields (a mapping)",
                    ListShape => "a list (write it with '- ' items or [ ])",
                    ScalarShape s => s.Name + ", not a " + (node is ListNode ? "list" : "set of fields"),
                    _ => "another kind of value",
                }));
                break;
        }
    }

    private static Finding WrongKind(string path, PacketNode node, string expected) =>
        new("field-type", Severity.Error, path, $"{path} must be {expected}.", "Write the value as the packet format describes (spec/packet.md).")
        { Line = node.Line, Column = node.Column };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The known name the unknown one is most likely a typo of: same letters ignoring case, or at most two edits away.</summary>
    private static string? Closest(string name, IEnumerable<string> known)
    {
        if (name.Length > 64)
        {
            return null;
        }
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in known)
        {
            var distance = candidate.Equals(name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    private static int EditDistance(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            current.CopyTo(previous);
        }
        return previous[b.Length];
    }

    private static IEnumerable<string> Paths(Shape shape, string path) => shape switch
    {
        MapShape map => map.Fields.SelectMany(f => Paths(f.Value, PacketPath.Field(path, f.Key)).Prepend(PacketPath.Field(path, f.Key))),
        ListShape list => Paths(list.Item, path + "[*]"),
        _ => [],
    };

    private abstract record Shape;

    private sealed record ScalarShape(string Name, params ScalarKind[] Kinds) : Shape;

    private sealed record MapShape(Dictionary<string, Shape> Fields) : Shape;

    private sealed record ListShape(Shape Item) : Shape;
}
