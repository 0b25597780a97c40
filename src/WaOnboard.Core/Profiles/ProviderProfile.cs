using WaOnboard.Checklists;
using WaOnboard.Pricing;

namespace WaOnboard.Profiles;

/// <summary>A provider profile: one folder holding who the provider is, which rules apply, its checklist and its prices.</summary>
public sealed class ProviderProfile
{
    private readonly IReadOnlyDictionary<string, ProfileFile> _files;
    private readonly Lazy<ProfileChecklist?> _checklist;
    private readonly Lazy<RateCard?> _rates;

    internal ProviderProfile(string name, string title, string description, bool isDefault, string origin, IReadOnlyDictionary<string, ProfileFile> files)
    {
        Name = name;
        Title = title;
        Description = description;
        IsDefault = isDefault;
        Origin = origin;
        _files = files;
        _checklist = new(() => File(ProfileFile.ChecklistFileName) is { } file ? ChecklistTexts.Parse<ProfileChecklist>(file) : null);
        _rates = new(() => File(ProfileFile.RatesFileName) is { } file ? ReadRates(file) : null);
    }

    /// <summary>The profile's name, as a packet's <c>provider</c> names it (its folder's name).</summary>
    public string Name { get; }

    /// <summary>The provider's name for people.</summary>
    public string Title { get; }

    /// <summary>What the profile checks, and from which document.</summary>
    public string Description { get; }

    /// <summary>True for the profile of a packet that names no provider.</summary>
    public bool IsDefault { get; }

    /// <summary>Where the profile was read from: <c>built-in</c>, or its folder on disk.</summary>
    public string Origin { get; }

    /// <summary>The profile this one extends, whose rules, checklist and prices it inherits; null when none.</summary>
    public ProviderProfile? Extends { get; internal set; }

    /// <summary>The requested elements, steps and warnings of the checklists; inherited when the folder has none.</summary>
    internal ProfileChecklist? Checklist => _checklist.Value ?? Extends?.Checklist;

    /// <summary>The dated rates and fees of the cost estimate (<c>rates.yaml</c>); inherited when the folder has none, else empty.</summary>
    public RateCard RateCard => OwnRates ?? RateCard.Empty;

    private RateCard? OwnRates => _rates.Value ?? Extends?.OwnRates;

    private static RateCard ReadRates(ProfileFile file)
    {
        var errors = new List<string>();
        var card = RateCard.Parse(file.DisplayPath, file.Read(), errors);
        return errors.Count == 0 ? card : throw new Templates.TemplateException(file.DisplayPath, 0, string.Join("; ", errors));
    }

    private ProfileFile? File(string name) => _files.TryGetValue(name, out var file) ? file : null;

    /// <summary>Reads every content file now, so that a broken user profile stops at load with <c>file:line: what</c>.</summary>
    internal void CheckContent(List<string> errors)
    {
        try
        {
            _ = _checklist.Value;
            _ = _rates.Value;
        }
        catch (Templates.TemplateException e)
        {
            errors.Add(e.Message);
        }
    }
}
