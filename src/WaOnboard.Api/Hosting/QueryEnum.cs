using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;

namespace WaOnboard.Api;

/// <summary>
/// A query parameter that takes one of the names of <typeparamref name="TEnum"/>: <c>?format=html</c> is
/// <c>ChecklistFormat.Html</c>, and any other text is a 400 naming the parameter and listing the names.
/// </summary>
/// <remarks>
/// Minimal APIs bind a plain enum with <c>Enum.TryParse</c>: on the C# name and case-sensitive (<c>html</c> fails,
/// <c>Html</c> binds), any number accepted (<c>7</c> binds a value the enum does not have), and a failure is a bare 400
/// naming no field. This type binds every text that is not empty (its <see cref="TryParse"/> fails on none other) and leaves an unknown one to
/// <see cref="RequestChecks"/>, which knows the parameter's name. The names are also what the OpenAPI document lists.
/// </remarks>
/// <typeparam name="TEnum">The values; a value's name is its <see cref="JsonStringEnumMemberNameAttribute"/>, else its C# name in lower case.</typeparam>
public sealed class QueryEnum<TEnum> : IQueryValue, IEndpointParameterMetadataProvider where TEnum : struct, Enum
{
    private static readonly (string Name, TEnum Value)[] Known = [.. QueryEnum.FieldsOf(typeof(TEnum)).Select(f => (QueryEnum.NameOf(f), (TEnum)f.GetValue(null)!))];

    private readonly int _index;

    private QueryEnum(string name, int index) => (Name, _index) = (name, index);

    /// <summary>The name as the request gave it: one of the names, unless the filter is about to refuse it.</summary>
    public string Name { get; }

    /// <summary>The value of the name.</summary>
    /// <exception cref="InvalidOperationException">The name is unknown: only an endpoint without the filter could get here.</exception>
    public TEnum Value => _index >= 0 ? Known[_index].Value : throw new InvalidOperationException($"'{Name}' is not a {typeof(TEnum).Name}; RequestChecks refuses it before the handler runs.");

    /// <summary>Binds any text, known or not; an unknown one is answered by <see cref="RequestChecks"/> with the parameter's name.</summary>
    /// <remarks>No text (an absent or empty parameter) is no value: the generated binding asks TryParse first, then takes a failure on no text as absent.</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out QueryEnum<TEnum>? result)
    {
        result = string.IsNullOrEmpty(text) ? null : new QueryEnum<TEnum>(text, Array.FindIndex(Known, k => k.Name == text));
        return result is not null;
    }

    string? IQueryValue.ErrorIn(string parameter, HttpContext context) =>
        _index >= 0 ? null : $"'{(Name.Length > 32 ? Name[..32] + "..." : Name)}' is not a value of {parameter}; use one of: {string.Join(", ", Known.Select(k => k.Name))}.";

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => RequestChecks.AddTo(builder);
}

/// <summary>The names <see cref="QueryEnum{TEnum}"/> takes, for the binding and for the OpenAPI document.</summary>
public static class QueryEnum
{
    /// <summary>The names of an enum's values, in the order of the values (the order these enums declare them in).</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) => [.. FieldsOf(enumType).Select(NameOf)];

    // By value, not by metadata token: the native build has no metadata tokens.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The trimmer keeps every field of an enum it keeps: they are its values.")]
    internal static IEnumerable<FieldInfo> FieldsOf(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return Enum.GetNames(enumType).Select(name => enumType.GetField(name, BindingFlags.Public | BindingFlags.Static)!);
    }

    internal static string NameOf(FieldInfo field) => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name.ToLowerInvariant();
}
