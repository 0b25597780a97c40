using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using WaOnboard.Packets;

namespace WaOnboard.Api;

/// <summary>The packet of a request, bound as a handler's parameter: read by <see cref="PacketBody"/>, or the problem that stops it from being checked.</summary>
/// <remarks>
/// <see cref="RequestChecks"/> answers the problem before the handler runs, so a handler only ever sees a loaded
/// <see cref="Document"/>. The body's limits, media types and problems are those of <see cref="PacketBody"/>; the API key
/// is checked by middleware before any endpoint binds it.
/// </remarks>
public sealed class PacketUpload : IBindableFromHttpContext<PacketUpload>, IEndpointParameterMetadataProvider
{
    private readonly PacketDocument? _document;

    internal PacketUpload(PacketDocument document) => _document = document;

    internal PacketUpload(IResult problem) => Problem = problem;

    /// <summary>The packet.</summary>
    /// <exception cref="InvalidOperationException">The body was no packet: only an endpoint without the filter could get here.</exception>
    public PacketDocument Document => _document ?? throw new InvalidOperationException("The body is not a packet; RequestChecks answers its problem before the handler runs.");

    /// <summary>The RFC 9457 problem that stops the packet from being checked (415, 413, 400), or null.</summary>
    public IResult? Problem { get; }

    /// <summary>Reads the body; never throws for a bad body, whose problem the filter answers.</summary>
    public static async ValueTask<PacketUpload?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await PacketBody.ReadAsync(context.Request, context.RequestAborted);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => RequestChecks.AddTo(builder);
}
