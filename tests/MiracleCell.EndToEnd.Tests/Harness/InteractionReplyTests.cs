using System.Net.Http.Json;
using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Harness;

/// <summary>Plays the bot's part by hand to prove the reply paths the bot will use work through the proxy.</summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class InteractionReplyTests(DigitalTwinFixture twin)
{
    private sealed record Scene(TwinChannel Channel, TwinUser User, RawGatewayClient Gateway, HttpClient Http,
        CancellationTokenSource Deadline) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Gateway.DisposeAsync();
            Deadline.Dispose();
        }
    }

    private async Task<Scene> SetUpAsync(string channelName)
    {
        var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var state = await twin.Control.GetStateAsync(deadline.Token);
        var channel = await twin.Control.CreateChannelAsync(channelName, cancellationToken: deadline.Token);
        var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);
        await gateway.IdentifyAsync(twin.Endpoints.BotToken, deadline.Token);
        return new Scene(channel, state.People.First(), gateway, ProxyHttp.Create(twin.Endpoints), deadline);
    }

    [E2EFact]
    public async Task Immediate_reply_edit_of_original_and_follow_up_all_land_in_the_channel()
    {
        await using var scene = await SetUpAsync("replies");
        var since = await twin.Control.GetLastRequestIdAsync();
        var sent = await twin.Control.SendSlashCommandAsync(scene.User.Id, scene.Channel.Id, "film",
            cancellationToken: scene.Deadline.Token);
        await scene.Gateway.WaitForDispatchAsync("INTERACTION_CREATE", d => d.GetProperty("id").GetString() == sent.Id,
            scene.Deadline.Token);

        using (var callback = await scene.Http.PostJsonAsync(
            $"interactions/{sent.Id}/{sent.Token}/callback",
            new { type = 4,
                data = new { content = "Miracle in Cell No. 7 (2013)",
                    allowed_mentions = new { parse = Array.Empty<string>() } } }))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, callback.StatusCode);
        }

        var response = await twin.Control.WaitForInteractionResponseAsync(sent.Id,
            cancellationToken: scene.Deadline.Token);
        Assert.True(response.Acknowledged);
        Assert.Equal(4, response.Type);
        Assert.Equal("Miracle in Cell No. 7 (2013)", response.Data!.Value.GetProperty("content").GetString());

        using (var edit = await scene.Http.PatchJsonAsync(
            $"webhooks/{twin.Endpoints.ApplicationId}/{sent.Token}/messages/@original",
            new { content = "Miracle in Cell No. 7 — edited" }))
        {
            edit.EnsureSuccessStatusCode();
        }

        using (var followUp = await scene.Http.PostJsonAsync($"webhooks/{twin.Endpoints.ApplicationId}/{sent.Token}",
            new { content = "Spoilers below", flags = TwinMessage.EphemeralFlag }))
        {
            followUp.EnsureSuccessStatusCode();
        }

        var messages = await twin.Control.GetMessagesAsync(scene.Channel.Id, minCount: 2,
            cancellationToken: scene.Deadline.Token);
        Assert.Equal(["Miracle in Cell No. 7 — edited", "Spoilers below"], messages.Select(m => m.Content));
        Assert.Equal(response.MessageId, messages[0].Id);
        Assert.NotNull(messages[0].EditedTimestamp);
        Assert.True(messages[1].IsEphemeral);
        Assert.Empty(await twin.Control.GetViolationsAsync(since));
    }

    [E2EFact]
    public async Task Deferred_reply_becomes_a_message_on_the_first_edit_of_original()
    {
        await using var scene = await SetUpAsync("deferred");
        var since = await twin.Control.GetLastRequestIdAsync();
        var sent = await twin.Control.SendSlashCommandAsync(scene.User.Id, scene.Channel.Id, "trivia",
            cancellationToken: scene.Deadline.Token);
        await scene.Gateway.WaitForDispatchAsync("INTERACTION_CREATE", d => d.GetProperty("id").GetString() == sent.Id,
            scene.Deadline.Token);

        using (await scene.Http.PostJsonAsync($"interactions/{sent.Id}/{sent.Token}/callback", new { type = 5 }))
        {
        }

        var deferred = await twin.Control.WaitForInteractionResponseAsync(sent.Id,
            cancellationToken: scene.Deadline.Token);
        Assert.Equal(5, deferred.Type);
        Assert.Empty(await twin.Control.GetMessagesAsync(scene.Channel.Id));

        using (var edit = await scene.Http.PatchJsonAsync(
            $"webhooks/{twin.Endpoints.ApplicationId}/{sent.Token}/messages/@original",
            new { content = "Question 1 of 5" }))
        {
            edit.EnsureSuccessStatusCode();
        }

        var message = Assert.Single(
            await twin.Control.GetMessagesAsync(scene.Channel.Id, minCount: 1,
                cancellationToken: scene.Deadline.Token));
        Assert.Equal("Question 1 of 5", message.Content);
        Assert.Empty(await twin.Control.GetViolationsAsync(since));
    }

    [E2EFact]
    public async Task Button_click_carries_the_message_and_its_custom_id_and_an_update_edits_it()
    {
        await using var scene = await SetUpAsync("buttons");
        var since = await twin.Control.GetLastRequestIdAsync();
        var question = new
        {
            content = "Who is Ye-sung's father?",
            components = new[]
            {
                new { type = 1,
                    components = new[] { new { type = 2, style = 1, label = "Yong-goo",
                        custom_id = "trivia:answer:1:0" } } },
            },
        };
        string messageId;
        using (var posted = await scene.Http.PostJsonAsync($"channels/{scene.Channel.Id}/messages", question))
        {
            messageId = (await posted.ReadJsonAsync()).GetProperty("id").GetString()!;
        }

        var click = await twin.Control.ClickButtonAsync(scene.User.Id, scene.Channel.Id, messageId, "trivia:answer:1:0",
            scene.Deadline.Token);
        var interaction = await scene.Gateway.WaitForDispatchAsync("INTERACTION_CREATE",
            d => d.GetProperty("id").GetString() == click.Id, scene.Deadline.Token);
        Assert.Equal(3, interaction.GetProperty("type").GetInt32());
        Assert.Equal("trivia:answer:1:0", interaction.GetProperty("data").GetProperty("custom_id").GetString());
        Assert.Equal(2, interaction.GetProperty("data").GetProperty("component_type").GetInt32());
        Assert.Equal(messageId, interaction.GetProperty("message").GetProperty("id").GetString());

        using (await scene.Http.PostJsonAsync($"interactions/{click.Id}/{click.Token}/callback",
            new { type = 7, data = new { content = "Answer locked in" } }))
        {
        }

        var updated = await twin.Control.WaitForInteractionResponseAsync(click.Id,
            cancellationToken: scene.Deadline.Token);
        Assert.Equal(7, updated.Type);
        var message = Assert.Single(await twin.Control.GetMessagesAsync(scene.Channel.Id));
        Assert.Equal("Answer locked in", message.Content);
        Assert.Empty(await twin.Control.GetViolationsAsync(since));
    }

    [E2EFact]
    public async Task Second_callback_for_the_same_interaction_is_refused_like_discord_does()
    {
        await using var scene = await SetUpAsync("double-callback");
        var sent = await twin.Control.SendSlashCommandAsync(scene.User.Id, scene.Channel.Id, "help",
            cancellationToken: scene.Deadline.Token);
        await scene.Gateway.WaitForDispatchAsync("INTERACTION_CREATE", d => d.GetProperty("id").GetString() == sent.Id,
            scene.Deadline.Token);
        var reply = new { type = 4, data = new { content = "Help" } };

        using var first = await scene.Http.PostJsonAsync($"interactions/{sent.Id}/{sent.Token}/callback", reply);
        using var second = await scene.Http.PostJsonAsync($"interactions/{sent.Id}/{sent.Token}/callback", reply);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060,
            (await second.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetInt32());
    }
}
