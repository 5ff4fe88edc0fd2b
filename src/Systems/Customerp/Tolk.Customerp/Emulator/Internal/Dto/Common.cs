using System.ComponentModel;

namespace Tolk.Customerp.Emulator.Internal.Dto;

// These records exist only to describe the contract in the OpenAPI document; the emulator itself works on JSON.

/// <summary>One page of a list.</summary>
internal sealed record Page<T>(
    IReadOnlyList<T> Items,
    [property: Description("Pass as cursor to get the next page; null on the last page. Opaque, and expires.")] string? NextCursor);

/// <summary>An RFC 7807 problem, always with exactly these fields.</summary>
internal sealed record ProblemBody(
    [property: Description("A URI identifying the kind of problem, e.g. https://customerp.example/problems/validation-error.")] string Type,
    string Title,
    int Status,
    string Detail,
    [property: Description("Messages by field name (or parameter/header name); empty when the problem is not about fields.")]
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors);
