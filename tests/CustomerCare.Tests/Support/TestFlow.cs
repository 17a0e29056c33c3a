using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Tests.Support;

/// <summary>
/// A conversation script in the SDK's style: Send("hi").AssertReply("Hello") … Run(). Each Send runs a real
/// turn through the adapter; replies are collected by an in-memory connector.
/// </summary>
public sealed class TestFlow
{
    private readonly List<Func<TestConversation, Task>> _steps = [];

    private TestFlow(TestConversation conversation) => Conversation = conversation;

    public TestConversation Conversation { get; }

    public static TestFlow For(TestConversation conversation) => new(conversation);

    public TestFlow Send(string text) => Then(c => c.SendAsync(text));

    public TestFlow SendEvent(string name) => Then(c => c.SendAsync(new Activity { Type = ActivityTypes.Event, Name = name }));

    public TestFlow AssertReply(string expected) => AssertReply(a => Assert.Equal(expected, a.Text));

    public TestFlow AssertReplyContains(string fragment) => AssertReply(a => Assert.Contains(fragment, a.Text ?? string.Empty, StringComparison.OrdinalIgnoreCase));

    public TestFlow AssertReply(Action<Activity> check) => Then(c =>
    {
        check(c.NextReply());
        return Task.CompletedTask;
    });

    public TestFlow AssertSuggestedActions(params string[] titles) => AssertReply(a =>
        Assert.Equal(titles, a.SuggestedActions?.Actions?.Select(x => x.Title ?? string.Empty).ToArray() ?? []));

    public TestFlow AssertNoMoreReplies() => Then(c =>
    {
        Assert.True(c.PendingReplies == 0, $"Expected no more replies but {c.PendingReplies} remain: {c.PeekPendingText()}");
        return Task.CompletedTask;
    });

    public TestFlow Then(Func<TestConversation, Task> step)
    {
        _steps.Add(step);
        return this;
    }

    public async Task RunAsync()
    {
        foreach (var step in _steps)
        {
            await step(Conversation);
        }
    }
}
