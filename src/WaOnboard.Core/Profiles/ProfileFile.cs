namespace WaOnboard.Profiles;

/// <summary>One file of a provider profile folder, embedded in the assembly or on disk, read only when needed.</summary>
/// <param name="DisplayPath">How errors name the file: <c>profiles/NAME/checklist.yaml</c> or the path on disk.</param>
/// <param name="Read">Reads its bytes.</param>
internal sealed record ProfileFile(string DisplayPath, Func<byte[]> Read)
{
    /// <summary>The file that makes a folder a profile: title, description, extends, use, skip, overrides.</summary>
    public const string ProfileFileName = "profile.yaml";

    /// <summary>The profile's own rules.</summary>
    public const string RulesFileName = "rules.yaml";

    /// <summary>The requested elements, steps and warnings of the checklists.</summary>
    public const string ChecklistFileName = "checklist.yaml";

    /// <summary>The rates and fees of the cost estimate.</summary>
    public const string RatesFileName = "rates.yaml";
}
