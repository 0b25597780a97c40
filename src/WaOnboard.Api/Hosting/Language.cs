namespace WaOnboard.Api;

/// <summary>The languages of <c>?lang=</c>: of the checklists, the snippets' words, and the findings' message and help.</summary>
/// <remarks>The core lists them as text (ChecklistOptions.Languages, SnippetRenderer.Languages); a test keeps the three lists the same.</remarks>
public enum Language
{
    /// <summary>English, the default.</summary>
    En,

    /// <summary>French.</summary>
    Fr,
}
