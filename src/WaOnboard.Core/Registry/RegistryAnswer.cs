using WaOnboard.Packets;

namespace WaOnboard.Registry;

/// <summary>Who asks the registry: the name of their key (empty without one) and what it allows.</summary>
/// <param name="KeyName">The key's name; empty for a request without a key.</param>
/// <param name="Scopes">What the key allows.</param>
public sealed record RegistryCaller(string KeyName, KeyScopes Scopes)
{
    /// <summary>A request without a key: it may check packets, never learn who holds a number.</summary>
    public static readonly RegistryCaller Anonymous = new("", KeyScopes.None);

    /// <summary>Someone at the registry's own machine with its database (the command line): may read it, has no key.</summary>
    public static readonly RegistryCaller Operator = new("", KeyScopes.Read);

    /// <summary>True when the caller's key allows <paramref name="scope"/>.</summary>
    public bool May(KeyScopes scope) => Scopes.Allows(scope);
}

/// <summary>The registry's answer for a packet's number, asked once before the rules run and given to them as data.</summary>
/// <param name="E164">The packet's number in E.164.</param>
/// <param name="Holder">The record of the number, or null when it is not onboarded here.</param>
/// <param name="HeldByAnother">True when the holder is another business than the packet's.</param>
/// <param name="MayNameHolder">True when the caller may learn who holds it (a <c>read</c> key); otherwise findings say "another business".</param>
public sealed record RegistryAnswer(string E164, OnboardedNumber? Holder, bool HeldByAnother, bool MayNameHolder)
{
    /// <summary>Asks <paramref name="registry"/> about a packet's valid number (<paramref name="e164"/>) for <paramref name="caller"/>.</summary>
    public static async ValueTask<RegistryAnswer> AskAsync(INumberRegistry registry, Packet packet, string e164, RegistryCaller caller, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(caller);
        var holder = await registry.FindAsync(e164, cancellationToken).ConfigureAwait(false);
        var another = holder is not null && !holder.IsSameBusinessAs(OnboardedNumber.Applicant(packet, e164, now, caller.KeyName));
        return new RegistryAnswer(e164, holder, another, caller.May(KeyScopes.Read));
    }
}
