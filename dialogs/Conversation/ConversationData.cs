using CustomerCare.Dialogs;

namespace CustomerCare.Conversation;

/// <summary>What the bot remembers about one conversation between turns.</summary>
public sealed class ConversationData
{
    public DialogState Dialogs { get; set; } = new();

    /// <summary>The greeting is sent once per conversation, however often the page reconnects.</summary>
    public bool Welcomed { get; set; }

    /// <summary>Messages in a row the bot did not understand; two lead to an offer of a person.</summary>
    public int Misunderstandings { get; set; }

    /// <summary>Set once a case was opened, so a person can pick the conversation up.</summary>
    public string? OpenCaseReference { get; set; }

    /// <summary>The last disruption report that identified a passenger: a later hand-off in the conversation carries it, so the person need not ask again.</summary>
    public DisruptionReport? LastReport { get; set; }

    /// <summary>One-time codes sent in this conversation; <see cref="Payouts.AccountChangeRules.MaxCodesPerConversation"/> is the most.</summary>
    public int CodesSent { get; set; }
}
