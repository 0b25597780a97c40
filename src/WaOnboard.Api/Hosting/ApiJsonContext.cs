using System.Text.Json;
using System.Text.Json.Serialization;
using WaOnboard.Pricing;

namespace WaOnboard.Api;

/// <summary>
/// Every type the API writes as JSON, serialized by generated code: the native command line that hosts the API
/// (<c>wa-onboard serve</c>) has no reflection-based serializer. <c>ApiJsonContextTests</c> checks that every type an
/// endpoint says it writes is here (decision 1203).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(BadPacketProblem))]
[JsonSerializable(typeof(PacketNotValidProblem))]
[JsonSerializable(typeof(NumberTakenProblem))]
[JsonSerializable(typeof(List<ProfileView>))]
[JsonSerializable(typeof(List<RuleView>))]
[JsonSerializable(typeof(RuleView))]
[JsonSerializable(typeof(List<SnippetKindView>))]
[JsonSerializable(typeof(NumberRecord))]
[JsonSerializable(typeof(NumberRemovalRecord))]
[JsonSerializable(typeof(PhoneView))]
[JsonSerializable(typeof(EstimateDocument))]
[JsonSerializable(typeof(WaOnboard.Findings.ValidationReport))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
