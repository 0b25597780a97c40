namespace WaOnboard.Templates;

/// <summary>A template or content file that cannot be used; the message reads <c>file:line: what is wrong</c>.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception for a file, a line (0 when unknown) and what is wrong.</summary>
    public TemplateException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The template file, as <c>templates/...</c>.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 when the parser does not say.</summary>
    public int Line { get; }
}
