using System.Text;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// A field path with <c>[*]</c> for "every item": <c>hsm[*].translations[*].body</c>. Parsed once; evaluating it
/// allocates nothing, and the concrete path (<c>hsm[0].translations[1].body</c>) is only written for a finding.
/// </summary>
public sealed class Selector
{
    private readonly string[] _segments; // field names; "*" means every item of a list

    private Selector(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>The field names in order; <c>*</c> stands for every item of a list.</summary>
    internal IReadOnlyList<string> Segments => _segments;

    /// <summary>How many <c>[*]</c> the selector has.</summary>
    public int Wildcards => _segments.Count(s => s == "*");

    /// <summary>Parses <c>a.b[*].c</c>; returns null (with a reason) when the text is not a selector.</summary>
    public static Selector? TryParse(string text, out string? problem)
    {
        var segments = new List<string>();
        foreach (var part in text.Split('.'))
        {
            var name = part;
            var each = 0;
            while (name.EndsWith("[*]", StringComparison.Ordinal))
            {
                name = name[..^3];
                each++;
            }
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                problem = $"'{text}' is not a field path: write names separated by dots, with [*] after a list (hsm[*].elementName)";
                return null;
            }
            segments.Add(name);
            segments.AddRange(Enumerable.Repeat("*", each));
        }
        problem = null;
        return new Selector(text, [.. segments]);
    }

    /// <summary>Calls <paramref name="visit"/> for every place the selector reaches; a missing field is visited as null.</summary>
    /// <remarks>Items of a missing list are not visited: a rule on the list itself says whether it may be missing.</remarks>
    internal void Visit<TVisitor>(PacketNode? root, int[] indices, ref TVisitor visit)
        where TVisitor : struct, ISelectorVisitor =>
        Walk(root, root, 0, indices, 0, ref visit);

    // `nearest` is the deepest node that exists on the way: a missing field's finding points at its parent's line.
    private void Walk<TVisitor>(PacketNode? node, PacketNode? nearest, int segment, int[] indices, int depth, ref TVisitor visit)
        where TVisitor : struct, ISelectorVisitor
    {
        nearest = node ?? nearest;
        if (segment == _segments.Length)
        {
            visit.Visit(node, nearest, indices.AsSpan(0, depth));
            return;
        }
        var name = _segments[segment];
        if (name == "*")
        {
            if (node is ListNode list)
            {
                for (var i = 0; i < list.Items.Count && depth < indices.Length; i++)
                {
                    indices[depth] = i;
                    Walk(list.Items[i], nearest, segment + 1, indices, depth + 1, ref visit);
                }
            }
            return;
        }
        Walk((node as MapNode)?[name], nearest, segment + 1, indices, depth, ref visit);
    }

    /// <summary>The concrete path for one visit: each <c>[*]</c> replaced by the item's index.</summary>
    public string PathFor(ReadOnlySpan<int> indices)
    {
        if (indices.Length == 0)
        {
            return Text;
        }
        var builder = new StringBuilder(Text.Length + 8);
        var next = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            if (next < indices.Length && string.CompareOrdinal(Text, i, "[*]", 0, 3) == 0)
            {
                builder.Append('[').Append(indices[next++]).Append(']');
                i += 2;
                continue;
            }
            builder.Append(Text[i]);
        }
        return builder.ToString();
    }
}

/// <summary>What a rule does at each place its selector reaches.</summary>
internal interface ISelectorVisitor
{
    void Visit(PacketNode? node, PacketNode? nearest, ReadOnlySpan<int> indices);
}
