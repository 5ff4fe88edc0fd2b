using Tolk.Connectors.Metering;

namespace Tolk.Connectors.Http;

/// <summary>Counts every request that reaches the network, with its status (<see cref="ConnectorMetrics"/>).</summary>
internal sealed class MeteringHandler(string system) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        finally
        {
            ConnectorMetrics.Call(system, request.Method.Method, response is null ? null : (int)response.StatusCode);
        }
    }
}
