namespace CustomerCare.Recognition.Offline;

/// <summary>One labelled example: what a customer wrote and what they meant.</summary>
public sealed record Utterance(string Text, string Intent, string Language);
