using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Tolk.Server.Tests.Harness;

namespace Tolk.Server.Tests;

/// <summary>
/// The dashboard in a real browser (Debian's chromium through Playwright): sign in with the token, see the flows, see a
/// conflict with both values, retry an error, settle an ambiguous match by clicking Link. With TOLK_DASHBOARD_SCREENSHOT set, a screenshot is saved there
/// (docs/dashboard.png is made this way).
/// </summary>
[Collection(ServerGroup.Name)]
public sealed class DashboardTests(ServerFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task a_person_signs_in_sees_the_flows_and_a_conflict_retries_an_error_and_links_an_ambiguous_match()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/install-deps installs Debian's chromium");
        var (_, asanaName, customerpName) = await Scenarios.ConflictAsync(fixture, 1);
        var (errorId, project, name) = await Scenarios.FailedWriteAsync(fixture, 0);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });

        await page.GotoAsync(fixture.Server.Url.ToString());
        await Assertions.Expect(page.GetByLabel("Access token")).ToBeVisibleAsync();
        await page.GetByLabel("Access token").FillAsync(fixture.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flow-card")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator(".flow-card[data-flow='3'] .route")).ToContainTextAsync("customerp");
        var conflict = page.Locator("tr.conflict", new() { HasText = customerpName });
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict).ToContainTextAsync(asanaName);
        await Assertions.Expect(conflict).ToContainTextAsync("overwritten");
        await Assertions.Expect(page.Locator("#feed li").First).ToBeVisibleAsync();

        var error = page.Locator($"tr.error-row[data-error='{errorId}']");
        await Assertions.Expect(error).ToContainTextAsync("cannot be renamed");

        // The sample's Customerp customer "Saga Marine AS" matches two Trello organizations of that name (flow 11).
        var ambiguity = page.Locator(".ambiguity[data-flow='11']");
        await Assertions.Expect(ambiguity).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(ambiguity.Locator(".candidate:not(.anchor)")).ToHaveCountAsync(2);
        await Assertions.Expect(ambiguity.Locator("dd.differs").First).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("TOLK_DASHBOARD_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
            (string?)(await fixture.Admin("customerp").GetAsync("projects", project))?["name"] == name, TimeSpan.FromSeconds(15)),
            "the retried write never reached Customerp");

        var chosen = ambiguity.Locator(".candidate:not(.anchor)").Filter(new() { HasNotText = "Not the same company" });
        var organization = await chosen.GetAttributeAsync("data-record");
        await chosen.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Assertions.Expect(ambiguity).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var member = Assert.Single(await fixture.Store.FindMembersAsync(new("trello", "organization"), organization!.Split('/')[^1]));
        Assert.Contains((await fixture.Store.GetClusterAsync(member.ClusterId))!.Members, m => m.Dataset == new Hub.Store.Dataset("customerp", "customer") && m.RecordId == "1");

        await page.Locator(".flow-card[data-flow='3']").IsVisibleAsync();
        await conflict.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(page.Locator("#record")).ToContainTextAsync("Golden record");
        await Assertions.Expect(page.Locator("#record .member")).Not.ToHaveCountAsync(0);
    }
}
