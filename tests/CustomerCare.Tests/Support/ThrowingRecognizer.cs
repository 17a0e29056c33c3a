using System.Globalization;
using CustomerCare.Recognition;

namespace CustomerCare.Tests.Support;

/// <summary>A recognizer that fails every utterance with an exception that quotes it, as a careless library's might.</summary>
public sealed class ThrowingRecognizer : IRecognizer
{
    public Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken)
        => throw new InvalidOperationException($"Could not understand '{text}'");
}
