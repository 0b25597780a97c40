using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Phone;

namespace WaOnboard.Rules;

/// <summary>The text is a valid phone number written with its country code.</summary>
internal sealed class PhoneNumberCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (!TryText(node, out var text))
        {
            return;
        }
        var info = scope.Run.InspectPhone(text);
        if (!info.Valid)
        {
            // A packet has no region to fall back on, so the advice to give one (meant for the phone command) is cut.
            var problem = info.Problem ?? "is not valid";
            scope.Fail(node, text, "it " + (info.LacksCountryCode ? "has no country code" : problem), facts: new FindingFacts(info));
        }
    }
}

/// <summary>A valid number is not of one of <c>types</c> (<c>premium-rate</c>, <c>toll-free</c>, ...).</summary>
internal sealed class PhoneTypeCheck : Check
{
    private readonly PhoneNumberType[] _types;

    public PhoneTypeCheck(CheckParameters parameters)
    {
        var names = parameters.List("types");
        _types = [.. Enum.GetValues<PhoneNumberType>().Where(t => names.Contains(t.Name()))];
        foreach (var unknown in names.Where(n => !Enum.GetValues<PhoneNumberType>().Any(t => t.Name() == n)))
        {
            parameters.Problem($"'{unknown}' is not a number type; use one of {string.Join(", ", Enum.GetValues<PhoneNumberType>().Select(t => t.Name()))}");
        }
    }

    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (TryText(node, out var text) && scope.Run.InspectPhone(text) is { Valid: true } info && Array.IndexOf(_types, info.Type) >= 0)
        {
            scope.Fail(node, text, info.Type.Name(), facts: new FindingFacts(info));
        }
    }
}

/// <summary>
/// The ways the registration code can reach the number (<c>phone.canReceive</c>) fit its type: a landline that
/// declares only SMS will most likely never get the code. Runs on the <c>phone</c> mapping.
/// </summary>
internal sealed class PhoneCanReceiveCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (node is not MapNode phone || phone["number"] is not ScalarNode { IsBlank: false } number
            || phone["canReceive"] is not ListNode { Items.Count: > 0 } ways)
        {
            return;
        }
        var info = scope.Run.InspectPhone(number.Text);
        bool sms = false, voice = false;
        for (var i = 0; i < ways.Items.Count; i++)
        {
            if (ways.Items[i] is ScalarNode scalar)
            {
                sms |= scalar.Text.Equals("sms", StringComparison.OrdinalIgnoreCase);
                voice |= scalar.Text.Equals("voice", StringComparison.OrdinalIgnoreCase);
            }
        }
        if (info.Valid && sms && !voice && info.Type is PhoneNumberType.FixedLine or PhoneNumberType.TollFree or PhoneNumberType.SharedCost or PhoneNumberType.Uan)
        {
            scope.Fail(ways, number.Text, $"{number.Text} is a {info.Type.Name()} number, which usually cannot receive text messages",
                PacketPath.Field(scope.Path, "canReceive"), facts: new FindingFacts(info));
        }
    }
}
