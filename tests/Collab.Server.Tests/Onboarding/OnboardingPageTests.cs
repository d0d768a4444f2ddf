using Microsoft.Playwright;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Onboarding;

[Collection(ServerCollection.Name)]
public sealed class OnboardingPageTests(ServedModelFixture model)
{
    [Fact]
    public async Task A_visitor_clicks_through_two_rounds_sees_recommendations_and_finds_them_after_a_restart()
    {
        var database = model.NewDatabase();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        string session;
        List<string> firstRound;
        await using (var server = await RunningServer.StartAsync(model, database))
        {
            await page.GotoAsync(server.Address.ToString());
            firstRound = await RoundAsync(page);
            Assert.Equal(12, firstRound.Count);
            await AnswerRoundAsync(page, stars: 5);
            await Assertions.Expect(page.Locator("#round")).ToHaveTextAsync("2");
            Assert.Empty((await RoundAsync(page)).Intersect(firstRound));
            await Assertions.Expect(page.Locator("#recs li")).ToHaveCountAsync(10);
            await AnswerRoundAsync(page, stars: 4);
            await Assertions.Expect(page.Locator("#round")).ToHaveTextAsync("3");
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("6 rated, 18 not seen, saved on the server.");
            await Assertions.Expect(page.Locator("#recs li .reason").First).ToContainTextAsync("People who liked");
            session = (await page.Locator("body").GetAttributeAsync("data-session"))!;
        }
        await using (var restarted = await RunningServer.StartAsync(model, database))
        {
            await page.GotoAsync(new Uri(restarted.Address, $"/?session={session}").ToString());
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("6 rated, 18 not seen, saved on the server.");
            await Assertions.Expect(page.Locator("#round")).ToHaveTextAsync("3");
            await Assertions.Expect(page.Locator("#recs li")).ToHaveCountAsync(10);
            Assert.Empty((await RoundAsync(page)).Intersect(firstRound));
        }
    }

    private static async Task<List<string>> RoundAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".card").First).ToBeVisibleAsync();
        var ids = await page.Locator(".card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.item)");
        return [.. ids];
    }

    // Rates the first three cards and marks the rest as not seen, then asks for the next round.
    private static async Task AnswerRoundAsync(IPage page, int stars)
    {
        var cards = page.Locator(".card");
        int count = await cards.CountAsync();
        for (int i = 0; i < count; i++)
        {
            var card = cards.Nth(i);
            if (i < 3)
                await card.Locator($".stars button[data-value='{stars}']").ClickAsync();
            else
                await card.Locator(".notseen").ClickAsync();
        }
        await page.Locator("#next").ClickAsync();
    }
}
