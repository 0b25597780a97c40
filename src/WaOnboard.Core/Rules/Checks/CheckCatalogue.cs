namespace WaOnboard.Rules;

/// <summary>The checks a rule file can name. Generic ones work from the file alone; named ones are written in C#.</summary>
internal static class CheckCatalogue
{
    /// <summary>Every check name, with what it does, for error messages and docs/rules.md.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["required"] = "the field is present and not blank",
        ["pattern"] = "the text matches `pattern` (a .NET regular expression where `\\d` is `[0-9]` and `$` the end of the text; `ignoreCase: true`, `fold: true` optional)",
        ["not-pattern"] = "the text does not match `pattern` (`fold: true`: invisible characters removed and look-alike letters read as Latin first)",
        ["length"] = "the text has `min` to `max` characters",
        ["count"] = "the list has `min` to `max` items",
        ["one-of"] = "the text is one of `values`",
        ["equals"] = "the value, when given, equals `value`",
        ["not-equals"] = "the value, when given, differs from `value`",
        ["url"] = "an absolute http(s) address, on one of `hosts` when given",
        ["email"] = "one e-mail address",
        ["unique"] = "no two items of the list share a value (of `key`)",
        ["phone-number"] = "a valid phone number with its country code (libphonenumber metadata)",
        ["phone-type"] = "a valid number is not of one of `types`",
        ["phone-can-receive"] = "phone.canReceive fits the number's type",
        ["hsm-variables"] = "message template placeholders follow `mode` (none or whatsapp)",
        ["no-emoji"] = "the text has no emoji",
        ["no-invisible"] = "the text has no control, zero-width or direction-changing character",
        ["not-all-capitals"] = "the text is not written in capitals only",
        ["avatar"] = "the avatar file passes `aspect`: file (opens inside the packet folder), format, bytes (at most `maxBytes`), dimensions (exactly `edge`, or `square` and at least `minEdge`), opaque (no alpha channel) or intact",
        ["absent"] = "the field is not written at all",
        ["no-pin-values"] = "no field of the whole packet whose name contains `pin` holds a six-digit value",
        ["shares-word"] = "the text shares a word with one of the fields of `with`, when they are given",
        ["variable-count"] = "the text has at most `max` template variables",
        ["template-submission"] = "a template not yet approved names its category (`aspect: category`) or has one example per variable (`aspect: examples`)",
        ["variable-placement"] = "the body's variables are not at the start or end, nor side by side, in translations whose examples are `given` or `missing`",
        ["number-not-onboarded"] = "the number is not already recorded for another business in the registry",
    };

    /// <summary>Builds the named check with its parameters; problems with them are added to <paramref name="parameters"/>.</summary>
    public static Check? Create(string name, CheckParameters parameters) => name switch
    {
        "required" => new RequiredCheck(),
        "pattern" => new PatternCheck(parameters, forbid: false),
        "not-pattern" => new PatternCheck(parameters, forbid: true),
        "length" => new LengthCheck(parameters),
        "count" => new CountCheck(parameters),
        "one-of" => new OneOfCheck(parameters),
        "equals" => new EqualsCheck(parameters, negate: false),
        "not-equals" => new EqualsCheck(parameters, negate: true),
        "url" => new UrlCheck(parameters),
        "email" => new EmailCheck(),
        "unique" => new UniqueCheck(parameters),
        "phone-number" => new PhoneNumberCheck(),
        "phone-type" => new PhoneTypeCheck(parameters),
        "phone-can-receive" => new PhoneCanReceiveCheck(),
        "hsm-variables" => new HsmVariablesCheck(parameters),
        "no-emoji" => new NoEmojiCheck(),
        "no-invisible" => new NoInvisibleCheck(),
        "not-all-capitals" => new NotAllCapitalsCheck(),
        "number-not-onboarded" => new NumberNotOnboardedCheck(),
        "avatar" => new AvatarCheck(parameters),
        "absent" => new AbsentCheck(),
        "no-pin-values" => new NoPinValuesCheck(),
        "shares-word" => new SharesWordCheck(parameters),
        "variable-count" => new VariableCountCheck(parameters),
        "template-submission" => new TemplateSubmissionCheck(parameters),
        "variable-placement" => new VariablePlacementCheck(parameters),
        _ => null,
    };
}
