using System.Text.Json.Nodes;
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
                        "Checklists" => "The customer checklist e-mail and the project manager's configuration sheet of a packet.",
                        "Snippets" => "Entry points to a WhatsApp number: click to chat links, buttons, contact page, e-mail signature, app links, IVR prompts and QR codes.",
                        "Health" => "Whether the service is up.",
                        _ => tag.Description,
                    };
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key made with `wa-onboard keys add NAME --scope read|record|admin`, sent as `Authorization: Bearer <key>`. " +
                        "Recording needs `record`, reading a record `read`, removing one `admin`; the checking endpoints are open unless `Auth:RequireKeyForChecks` is true.",
                };
                // The generator lists the host that served the document; the committed document must not depend on it.
                document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "wa-onboard serve, on this machine" }];
                return Task.CompletedTask;
            });
            // A QueryEnum binds through its TryParse, so the generator sees a string: the enum's names are its values.
            options.AddSchemaTransformer((schema, context, cancellationToken) =>
            {
                if (context.ParameterDescription?.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(QueryEnum<>))
                {
                    schema.Enum = [.. QueryEnum.NamesOf(type.GetGenericArguments()[0]).Select(name => (JsonNode)JsonValue.Create(name))];
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>The name of the API-key security scheme in the document.</summary>
    public const string BearerScheme = "apiKey";

    /// <summary>The security requirement of an endpoint that needs a key.</summary>
    public static OpenApiSecurityRequirement BearerRequirement(OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };

    /// <summary>
    /// Documents the bodies a <see cref="PacketUpload"/> reads, which the generator cannot see (the type binds itself), and
    /// the problems <see cref="RequestChecks"/> answers for them: 400 (not a packet), 413 and 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsPacket(this RouteHandlerBuilder builder) =>
        builder
        .Produces<BadPacketProblem>(StatusCodes.Status400BadRequest, "application/problem+json")
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
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

    /// <summary>Documents a 200 whose body is a rendered document in one of <paramref name="mediaTypes"/> (a <see cref="DocumentResult"/>, which the generator cannot see).</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="description">What the 200 holds, and what chooses its media type.</param>
    /// <param name="mediaTypes">The media types it can have; image/png is binary, the others text.</param>
    public static RouteHandlerBuilder ProducesDocument(this RouteHandlerBuilder builder, string description, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>();
            foreach (var mediaType in mediaTypes)
            {
                content[mediaType] = new OpenApiMediaType
                {
                    Schema = mediaType == "image/png"
                        ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }
                        : new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            // The 200 first, as the generator lists the responses it sees.
            var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = description, Content = content } };
            foreach (var (status, response) in operation.Responses ?? [])
            {
                responses.TryAdd(status, response);
            }
            operation.Responses = responses;
            return Task.CompletedTask;
        });

    /// <summary>Lists the values a string route parameter takes, from a list the core knows at run time; the handler answers an unknown one.</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="parameter">The parameter's name (<c>format</c>, <c>kind</c>).</param>
    /// <param name="values">Its values.</param>
    public static RouteHandlerBuilder WithValues(this RouteHandlerBuilder builder, string parameter, params string[] values) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter) is OpenApiParameter { Schema: OpenApiSchema schema })
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
            return Task.CompletedTask;
        });

    /// <summary>Marks a query parameter required: the handler binds it as optional only to answer its own 400 naming the field.</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="parameter">The parameter's name.</param>
    public static RouteHandlerBuilder WithRequiredQuery(this RouteHandlerBuilder builder, string parameter) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter) is OpenApiParameter found)
            {
                found.Required = true;
            }
            return Task.CompletedTask;
        });
}
