namespace WaOnboard.Api;

/// <summary>A query value bound as a type, which only the request can tell valid or not (an unknown name, a profile this server lacks).</summary>
public interface IQueryValue
{
    /// <summary>What is wrong with the value, as the message of <c>errors[parameter]</c>; null when nothing is.</summary>
    /// <param name="parameter">The query parameter's name.</param>
    /// <param name="context">The request, for the server's services.</param>
    string? ErrorIn(string parameter, HttpContext context);
}

/// <summary>
/// The endpoint filter that answers, before a handler runs, what its bound arguments hold: one 400 naming every unknown
/// query value (<see cref="IQueryValue"/>), else the problem of the packet body (<see cref="PacketUpload"/>). A handler
/// therefore only receives values it can use, and repeats none of these checks.
/// </summary>
/// <remarks>
/// The parameter types add it themselves (<see cref="Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider"/>), so no endpoint can forget it.
/// It does not rely on minimal APIs' handling of a failed binding (a bare 400, or an exception where
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on): the types' binding never fails. See docs/decisions/0701.
/// </remarks>
public static class RequestChecks
{
    private static readonly Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> Factory = Create;

    /// <summary>Adds the filter to an endpoint, once however many of its parameters ask.</summary>
    public static void AddTo(EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.FilterFactories.Contains(Factory))
        {
            builder.FilterFactories.Add(Factory);
        }
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var queryValues = parameters.Where(p => typeof(IQueryValue).IsAssignableFrom(p.ParameterType)).Select(p => (p.Position, Name: p.Name!)).ToArray();
        var packet = Array.FindIndex(parameters, p => p.ParameterType == typeof(PacketUpload));
        return async invocation =>
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var (position, name) in queryValues)
            {
                if (invocation.Arguments[position] is IQueryValue value && value.ErrorIn(name, invocation.HttpContext) is { } error)
                {
                    (errors ??= new(StringComparer.Ordinal))[name] = [error];
                }
            }
            if (errors is not null)
            {
                return Problems.Invalid(errors);
            }
            if (packet >= 0 && invocation.Arguments[packet] is PacketUpload { Problem: { } problem })
            {
                return problem;
            }
            return await next(invocation);
        };
    }
}
