namespace Tolk.Tidsbanken.Internal.Dto;

/// <summary>The API gateway's own error: <c>{"statusCode":401,"message":"..."}</c>.</summary>
internal sealed record GatewayError(int StatusCode, string? Message);

/// <summary>The OData service's error: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record ODataError(ODataErrorDetail? Error);

/// <summary>The inner part of <see cref="ODataError"/>.</summary>
internal sealed record ODataErrorDetail(string? Code, string? Message);
