using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// A profile's rules arranged for evaluation, built once when its rules are compiled: a tree of the selectors' segments,
/// so that each place of a packet is reached once and every rule on that place runs there (NRules' shared network,
/// without its expression compilation), and the distinct <c>when</c> conditions, each evaluated once per packet.
/// </summary>
/// <remarks>
/// The tree walks places in another order than rule by rule; <see cref="RankedFindings"/> ranks each finding by its
/// rule's position and restores the rule-file order (and the same truncation) before the report is made.
/// </remarks>
internal sealed class RulePlan
{
    private readonly Step _root = new("");
    private readonly RuleCondition[] _conditions;
    private readonly int[] _conditionOf; // per rule: its condition in _conditions, or -1 when it has none

    public RulePlan(Rule[] rules)
    {
        Rules = rules;
        _conditionOf = new int[rules.Length];
        var conditions = new List<RuleCondition>();
        for (var index = 0; index < rules.Length; index++)
        {
            var step = _root;
            foreach (var segment in rules[index].Definition.Path.Segments)
            {
                step = step.Child(segment);
            }
            step.Add(index);
            _conditionOf[index] = rules[index].Definition.When is { } when ? IndexOf(conditions, when) : -1;
        }
        _conditions = [.. conditions];
        _root.Freeze();
    }

    /// <summary>The rules in rule-file order; a finding's rank is its rule's index here.</summary>
    public Rule[] Rules { get; }

    /// <summary>Runs every rule whose condition holds at every place its selector reaches.</summary>
    public void Run(MapNode root, RuleRun run)
    {
        Span<bool> holds = _conditions.Length <= 256 ? stackalloc bool[_conditions.Length] : new bool[_conditions.Length];
        for (var i = 0; i < _conditions.Length; i++)
        {
            holds[i] = _conditions[i].Holds(root, run.Indices);
        }
        new Walk(this, run, holds).Visit(_root, root, root, 0);
    }

    // Conditions written alike (same path, value and sense) are one: a rule set repeated ten times evaluates each once.
    private static int IndexOf(List<RuleCondition> conditions, RuleCondition when)
    {
        var index = conditions.FindIndex(c => c.Path.Text == when.Path.Text && c.EqualsValue == when.EqualsValue && c.Missing == when.Missing);
        if (index < 0)
        {
            conditions.Add(when);
            index = conditions.Count - 1;
        }
        return index;
    }

    /// <summary>One segment of the selectors: the rules whose selector ends here, and the segments that follow.</summary>
    /// <remarks>Built with lists, then frozen into arrays: the walk reads arrays only.</remarks>
    private sealed class Step(string segment)
    {
        private readonly List<int> _rules = [];
        private readonly List<Step> _next = [];

        public string Segment { get; } = segment;

        public bool EveryItem { get; } = segment == "*";

        /// <summary>The indices of the rules that end here, in rule-file order.</summary>
        public int[] Rules { get; private set; } = [];

        public Step[] Next { get; private set; } = [];

        public void Add(int rule) => _rules.Add(rule);

        public Step Child(string name)
        {
            var step = _next.Find(s => s.Segment == name);
            if (step is null)
            {
                step = new Step(name);
                _next.Add(step);
            }
            return step;
        }

        public void Freeze()
        {
            Rules = [.. _rules];
            Next = [.. _next];
            foreach (var step in Next)
            {
                step.Freeze();
            }
        }
    }

    private readonly ref struct Walk(RulePlan plan, RuleRun run, ReadOnlySpan<bool> holds)
    {
        private readonly ReadOnlySpan<bool> _holds = holds;

        // `nearest` is the deepest node that exists on the way: a missing field's finding points at its parent's line.
        public void Visit(Step step, PacketNode? node, PacketNode? nearest, int depth)
        {
            nearest = node ?? nearest;
            var indices = run.Indices.AsSpan(0, depth);
            foreach (var index in step.Rules)
            {
                if (plan._conditionOf[index] is var condition and >= 0 && !_holds[condition])
                {
                    continue;
                }
                var rule = plan.Rules[index];
                run.RuleIndex = index;
                if (run.IsCheckable(node, rule.Definition.Path, indices))
                {
                    rule.Check.Run(node, new CheckScope(rule, run, indices, nearest));
                }
            }
            foreach (var next in step.Next)
            {
                if (!next.EveryItem)
                {
                    Visit(next, (node as MapNode)?[next.Segment], nearest, depth);
                }
                // Items of a missing list are not visited: a rule on the list itself says whether it may be missing.
                else if (node is ListNode list)
                {
                    for (var i = 0; i < list.Items.Count && depth < run.Indices.Length; i++)
                    {
                        run.Indices[depth] = i;
                        Visit(next, list.Items[i], nearest, depth + 1);
                    }
                }
            }
        }
    }
}
