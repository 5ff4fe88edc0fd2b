namespace Tolk.Engine.Tests.Qa;

/// <summary>Values no sample record and no other test uses, so each test's records match only what the test intends.</summary>
public static class Unique
{
    private static int _next = Random.Shared.Next(100, 900) * 1000;

    /// <summary>A short tag, different on every call.</summary>
    public static string Tag() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A nine-digit organization number.</summary>
    public static string OrgNumber() => "97" + Tag().PadLeft(7, '0');

    /// <summary>A whole number (an employee number, a Tidsbanken Ansatt id).</summary>
    public static int Number() => 50_000 + Interlocked.Increment(ref _next) % 900_000;

    /// <summary>An e-mail address.</summary>
    public static string Email(string who) => $"{who}.{Tag()}@qa.example";
}
