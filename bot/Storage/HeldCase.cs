using CustomerCare.Cases;

namespace CustomerCare.Bot.Storage;

/// <summary>A case with its hand-off state: taken by an agent, or waiting for the customer's rating.</summary>
public sealed record HeldCase(CaseFile Case, string Status, string? AgentName, string? AgentThreadId, string? AgentServiceUrl, string? AgentBotId, int? Rating);
