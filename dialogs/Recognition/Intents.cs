namespace CustomerCare.Recognition;

/// <summary>The intents the bot routes on.</summary>
public static class Intents
{
    public const string ReportDisruption = nameof(ReportDisruption);
    public const string CompensationStatus = nameof(CompensationStatus);
    public const string ProductAdvice = nameof(ProductAdvice);
    public const string TalkToHuman = nameof(TalkToHuman);
    public const string Greeting = nameof(Greeting);
    public const string Help = nameof(Help);
    public const string Cancel = nameof(Cancel);
    public const string Goodbye = nameof(Goodbye);
    public const string None = nameof(None);

    /// <summary>Pay by bank transfer instead: recognised by phrase (<c>BankTransferRequests</c>), not by the models, so not in <see cref="All"/>.</summary>
    public const string BankTransfer = nameof(BankTransfer);

    /// <summary>Care receipts to be paid back: recognised by phrase (<c>CareReceiptRequests</c>), not by the models, so not in <see cref="All"/>.</summary>
    public const string CareReceipts = nameof(CareReceipts);

    public static readonly IReadOnlyList<string> All =
        [ReportDisruption, CompensationStatus, ProductAdvice, TalkToHuman, Greeting, Help, Cancel, Goodbye, None];
}
