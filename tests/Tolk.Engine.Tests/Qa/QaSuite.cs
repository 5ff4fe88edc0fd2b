namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// The QA checklist's one sandbox: the five seed classes share a harness and its initial sync (xunit runs the classes of
/// one collection one after another). Each test makes its own records through the emulators' admin channel, as a person
/// would, so no test depends on another's order.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QaSuite : ICollectionFixture<QaFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "QA checklist";
}
