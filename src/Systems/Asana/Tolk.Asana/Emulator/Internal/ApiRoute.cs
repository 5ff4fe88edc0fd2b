namespace Tolk.Asana.Emulator.Internal;

/// <summary>One endpoint: method, template below the API prefix (<c>/tasks/{gid}</c>) and its handler.</summary>
internal sealed record ApiRoute(string Method, string Template, Func<ApiRequest, CancellationToken, Task<ApiResult>> Handler)
{
    private readonly string[] _segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An endpoint whose handler answers at once.</summary>
    public static ApiRoute Sync(string method, string template, Func<ApiRequest, ApiResult> handler) =>
        new(method, template, (request, _) => Task.FromResult(handler(request)));

    /// <summary>The route values when <paramref name="path"/> matches the template, else null (batch dispatch).</summary>
    public Dictionary<string, string>? Match(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != _segments.Length)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = _segments[i];
            if (segment.StartsWith('{'))
            {
                values[segment[1..^1]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!string.Equals(segment, parts[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }
}
