using Microsoft.OpenApi;

namespace WaOnboard.Api;

/// <summary>What the generated OpenAPI document needs beyond what the endpoints declare.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "wa-onboard API",
                    Version = "v1",
                    Description = "Pre-flight checks of WhatsApp Business onboarding packets for web forms and other systems. " +
                        "The report is the one of `wa-onboard validate --format json` (spec/packet.md); every error is an RFC 9457 problem.",
                    License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://wa-onboard.example/licence") },
                    Contact = new OpenApiContact { Name = "wa-onboard maintainers", Url = new Uri("https://wa-onboard.example/") },
                };
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    tag.Description = tag.Name switch
                    {
                        "Validation" => "Check a packet and get the report of spec/packet.md.",
                        "Registry" => "The numbers onboarded here: a number never goes to two businesses.",
                        "Phone" => "What the validator knows of a phone number.",
                        "Rules" => "The rule set and its profiles, for forms that show help next to each field.",
                        "Health" => "Whether the service is up.",
                        _ => tag.Description,
                    };
                }
                // The generator lists the host that served the document; the committed document must not depend on it.
                document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "wa-onboard serve, on this machine" }];
                return Task.CompletedTask;
            });
        });

    /// <summary>Documents the bodies <see cref="PacketBody"/> reads: the handler reads the request itself, so the generator cannot see them.</summary>
    public static RouteHandlerBuilder AcceptsPacket(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            var packetObject = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "An onboarding packet (spec/packet.md): provider, business, account, phone, hsm, profile, lineOfCredit, channel, estimate.",
                AdditionalProperties = new OpenApiSchema(),
            };
            var packetText = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An onboarding packet in YAML (spec/packet.md)." };
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "packet" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["packet"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The packet file, JSON or YAML." },
                    ["avatar"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The profile picture the packet's profile.avatar names (at most 5 MiB)." },
                },
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"The packet: at most {ApiLimits.PacketBytes / 1024} KiB of JSON or YAML, or a form of at most {ApiLimits.MultipartBytes / (1024 * 1024)} MiB.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = packetObject },
                    ["application/yaml"] = new OpenApiMediaType { Schema = packetText },
                    ["text/yaml"] = new OpenApiMediaType { Schema = packetText },
                    ["multipart/form-data"] = new OpenApiMediaType { Schema = form },
                },
            };
            return Task.CompletedTask;
        });
}
