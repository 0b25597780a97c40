using System.Security.Cryptography;
using System.Text;

namespace WaOnboard.Registry;

/// <summary>What an API key allows. <c>admin</c> allows everything; <c>record</c> does not allow <c>read</c>, so a web form's key cannot list other businesses.</summary>
[Flags]
public enum KeyScopes
{
    /// <summary>Nothing beyond the open checks.</summary>
    None = 0,

    /// <summary>See which business holds a number.</summary>
    Read = 1,

    /// <summary>Record a packet's number.</summary>
    Record = 2,

    /// <summary>Remove a number's record (audited); includes read and record.</summary>
    Admin = 4,
}

/// <summary>Scope names and checks.</summary>
public static class KeyScopesExtensions
{
    /// <summary>The scope names as the command line and the API write them.</summary>
    public static readonly IReadOnlyList<string> Names = ["read", "record", "admin"];

    /// <summary>True when <paramref name="scopes"/> allow <paramref name="wanted"/> (admin allows all).</summary>
    public static bool Allows(this KeyScopes scopes, KeyScopes wanted) =>
        (scopes & KeyScopes.Admin) != 0 || (wanted != KeyScopes.None && (scopes & wanted) == wanted);

    /// <summary>The scopes as a comma-separated list of names (<c>read,record</c>).</summary>
    public static string ToNames(this KeyScopes scopes) =>
        string.Join(",", Names.Where((_, i) => (scopes & (KeyScopes)(1 << i)) != 0));

    /// <summary>Parses a scope name; false when it is not one.</summary>
    public static bool TryParse(string name, out KeyScopes scope)
    {
        var index = Names.ToList().IndexOf(name.Trim().ToLowerInvariant());
        scope = index < 0 ? KeyScopes.None : (KeyScopes)(1 << index);
        return index >= 0;
    }
}

/// <summary>An API key as the registry lists it: never its secret.</summary>
/// <param name="Name">The name given when it was added (who or what uses it).</param>
/// <param name="Scopes">What it allows.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="RevokedAt">When it was revoked, or null while it works.</param>
public sealed record ApiKey(string Name, KeyScopes Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key's row: its public id, salt and salted hash. The secret itself is never stored.</summary>
/// <param name="Id">The public part of the key, which finds the row.</param>
/// <param name="Key">The key's name, scopes and dates.</param>
/// <param name="Salt">Random bytes, one set per key.</param>
/// <param name="Hash">SHA-256 of the salt and the secret.</param>
public sealed record StoredApiKey(string Id, ApiKey Key, byte[] Salt, byte[] Hash);

/// <summary>
/// The form of API keys, <c>wao_ID_SECRET</c>: the id (12 hex digits) finds the row, the secret (43 base64url
/// characters, 256 random bits) is checked against a salted SHA-256 in constant time.
/// </summary>
/// <remarks>
/// A fast hash is enough: the secret is 256 random bits, not a password, so stretching (PBKDF2, Argon2) would add
/// milliseconds to every request without making a leaked table any easier to reverse. The salt keeps two rows with
/// the same secret apart and any precomputed table useless.
/// </remarks>
public static class ApiKeyFormat
{
    private const string Prefix = "wao_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A key's longest text form; a longer Authorization header is refused unread.</summary>
    public const int MaxLength = 80;

    /// <summary>Makes a new key: the text to give its holder once, and the row to store.</summary>
    public static (string Text, StoredApiKey Row) Create(string name, KeyScopes scopes, DateTimeOffset createdAt)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(16);
        return ($"{Prefix}{id}_{secret}", new StoredApiKey(id, new ApiKey(name, scopes, createdAt, null), salt, Hash(salt, secret)));
    }

    /// <summary>Splits a key's text into its id and secret; false when it does not have the form of a key.</summary>
    public static bool TryParse(string text, out string id, out string secret)
    {
        id = secret = "";
        if (text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != IdBytes * 2 || rest.Length - separator - 1 < 16)
        {
            return false;
        }
        foreach (var c in rest[..separator])
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>True when <paramref name="secret"/> is the one <paramref name="row"/> was made from; compared in constant time.</summary>
    public static bool Matches(StoredApiKey row, string secret)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CryptographicOperations.FixedTimeEquals(Hash(row.Salt, secret), row.Hash);
    }

    private static byte[] Hash(byte[] salt, string secret)
    {
        var bytes = new byte[salt.Length + Encoding.UTF8.GetByteCount(secret)];
        salt.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(secret, bytes.AsSpan(salt.Length));
        return SHA256.HashData(bytes);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The API keys, kept in the registry's database.</summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; returns its text (to show once), or null when a working key of that name exists.</summary>
    ValueTask<string?> AddKeyAsync(string name, KeyScopes scopes, CancellationToken cancellationToken = default);

    /// <summary>Revokes the working key of that name and adds a new one with the same name and scopes, at once; returns its text, or null when there is no such key.</summary>
    ValueTask<string?> RotateKeyAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones included, by name.</summary>
    ValueTask<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes the working key of that name; false when there is none.</summary>
    ValueTask<bool> RevokeKeyAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The working key whose public id this is, or null (unknown or revoked).</summary>
    ValueTask<StoredApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default);
}
