using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Jianfu.Modules.Hotline.Routing;

/// <summary>A text with the body that handled it (a screening code or a department name).</summary>
public sealed record LabelledText(string Id, string Text, string Label);

/// <summary>One routing decision of the model: the label, its probability, and whether it clears the auto-dispatch threshold.</summary>
public sealed record RoutingPrediction(string Label, float Confidence, bool Auto);

/// <summary>
/// What a model file says about itself: its version, the calibrated threshold and the figures behind it — the
/// precision and coverage expected of automatic dispatch, over all calibration folds and fold by fold (older model
/// files have no fold figures).
/// </summary>
public sealed record RoutingModelInfo(
    string Version, DateTime TrainedAt, int TrainingRows, IReadOnlyList<string> Labels, float Threshold,
    double CalibrationPrecision, double CalibrationCoverage, int CalibrationFolds, double TrainingSeconds,
    IReadOnlyList<double>? FoldPrecisions = null, IReadOnlyList<double>? FoldCoverages = null);

/// <summary>
/// The hotline order classifier (ML.NET): character 1–2-gram TF-IDF features with the title repeated (a message's
/// first line names its matter; the body adds noise), and an L-BFGS maximum-entropy model, whose probabilities
/// are calibrated into an auto-dispatch threshold by cross-validation on the training data alone: 3 folds of the full
/// orders, a threshold that holds on each of them. A model file is a zip holding the ML.NET model and <see cref="RoutingModelInfo"/> as JSON.
/// </summary>
public sealed partial class RoutingClassifier
{
    /// <summary>
    /// The precision the threshold is calibrated for, on every calibration fold: half a point above the 97% the
    /// auto-dispatched orders must keep, because cross-validation showed that new orders come out up to half a point
    /// below what the calibration folds promised (docs/text-intelligence.md).
    /// </summary>
    public const double CalibrationTarget = 0.975;
    private const int TitleRepeats = 5;
    private const int CalibrationFolds = 3;
    private const int MinFullOrdersForCalibration = 200;
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly string[] _labels;

    private RoutingClassifier(MLContext ml, ITransformer model, DataViewSchema schema, RoutingModelInfo info)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        Info = info;
        _labels = SlotNames(model, schema);
    }

    public RoutingModelInfo Info { get; }

    /// <summary>Trains on every row, after calibrating the auto-dispatch threshold by cross-validation on the same rows.</summary>
    public static RoutingClassifier Train(IReadOnlyList<LabelledText> rows, string? version = null, Action<string>? log = null)
    {
        if (rows.Count < 20 || rows.Select(r => r.Label).Distinct().Count() < 2)
        {
            throw new ArgumentException("训练数据至少需要20行、2个类别。");
        }

        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed: 1);
        var shuffled = rows.OrderBy(r => StableHash(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        // Calibrate on texts like those that will be routed: when there are enough full orders (title and body), the
        // folds hold out full orders only and every other row always trains — short titles are easier, and a
        // threshold set on them lets too many long orders through.
        var calibrateOnFull = shuffled.Count(r => HasBody(r.Text)) >= MinFullOrdersForCalibration;
        var heldOut = shuffled.Where(r => !calibrateOnFull || HasBody(r.Text)).ToList();
        var alwaysTrains = calibrateOnFull ? shuffled.Where(r => !HasBody(r.Text)).ToList() : [];
        // The calibration folds and the model itself are independent: trained side by side, each with its own context
        // (L-BFGS uses one core), the model as one more item of the same loop.
        var folds = new List<(string Label, string Predicted, float Confidence)>[CalibrationFolds];
        ITransformer model = null!;
        Parallel.For(0, CalibrationFolds + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            if (k == 0)
            {
                model = Fit(ml, shuffled);
                log?.Invoke($"模型训练完成 {watch.Elapsed.TotalSeconds:F0} s");
                return;
            }

            var foldMl = new MLContext(seed: 1);
            var test = heldOut.Where((_, i) => i % CalibrationFolds == k - 1).ToList();
            var train = SameMatter.Without(heldOut.Where((_, i) => i % CalibrationFolds != k - 1).Concat(alwaysTrains), test);
            var fold = Fit(foldMl, train);
            var labels = SlotNames(fold, foldMl.Data.LoadFromEnumerable(Inputs(train)).Schema);
            folds[k - 1] = PredictWith(foldMl, fold, labels, test.Select(t => t.Text)).Zip(test, (p, t) => (t.Label, p.Label, p.Confidence)).ToList();
            log?.Invoke($"校准第{k}/{CalibrationFolds}折完成 {watch.Elapsed.TotalSeconds:F0} s");
        });
        var calibration = CalibrateEveryFold(folds, CalibrationTarget);
        var schema = ml.Data.LoadFromEnumerable(Inputs(shuffled)).Schema;
        var info = new RoutingModelInfo(
            version ?? DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"), DateTime.UtcNow, rows.Count,
            SlotNames(model, schema), calibration.Threshold, calibration.Precision, calibration.Coverage, CalibrationFolds, watch.Elapsed.TotalSeconds,
            calibration.FoldPrecisions, calibration.FoldCoverages);
        log?.Invoke($"训练完成 {watch.Elapsed.TotalSeconds:F0} s");
        return new RoutingClassifier(ml, model, schema, info);
    }

    /// <summary>What a threshold gives: precision and coverage over all folds, and fold by fold.</summary>
    public sealed record Calibration(float Threshold, double Precision, double Coverage, double[] FoldPrecisions, double[] FoldCoverages);

    /// <summary>
    /// The lowest probability threshold at which, in every fold, the predictions above it are at least
    /// <paramref name="precision"/> correct: a threshold that only holds on the folds pooled lets one fold in three
    /// fall below, and new orders are one more fold. No threshold reaches it: 1.01, nothing is automatic.
    /// </summary>
    public static Calibration CalibrateEveryFold(IReadOnlyList<IReadOnlyList<(string Label, string Predicted, float Confidence)>> folds, double precision)
    {
        var sorted = folds.SelectMany((f, k) => f.Select(p => (p.Label, p.Predicted, p.Confidence, Fold: k))).OrderByDescending(p => p.Confidence).ToList();
        var seen = new int[folds.Count];
        var correct = new int[folds.Count];
        var threshold = 1.01f;
        for (var i = 0; i < sorted.Count; i++)
        {
            seen[sorted[i].Fold]++;
            correct[sorted[i].Fold] += sorted[i].Label == sorted[i].Predicted ? 1 : 0;
            // A threshold sits between distinct confidences; ties are taken together.
            if ((i + 1 == sorted.Count || sorted[i + 1].Confidence < sorted[i].Confidence) &&
                Enumerable.Range(0, folds.Count).All(k => seen[k] == 0 || correct[k] >= precision * seen[k]))
            {
                threshold = sorted[i].Confidence;
            }
        }

        double Share(int a, int b) => b == 0 ? 0 : a / (double)b;
        var above = folds.Select(f => f.Where(p => p.Confidence >= threshold).ToList()).ToList();
        var all = above.SelectMany(a => a).ToList();
        return new Calibration(
            threshold,
            all.Count == 0 ? 1 : Share(all.Count(p => p.Label == p.Predicted), all.Count),
            Share(all.Count, folds.Sum(f => f.Count)),
            above.Select(a => a.Count == 0 ? 1 : Share(a.Count(p => p.Label == p.Predicted), a.Count)).ToArray(),
            above.Select((a, k) => Share(a.Count, folds[k].Count)).ToArray());
    }

    public IReadOnlyList<RoutingPrediction> Predict(IEnumerable<string> texts) =>
        PredictWith(_ml, _model, _labels, texts).Select(p => p with { Auto = p.Confidence >= Info.Threshold }).ToList();

    public RoutingPrediction Predict(string text) => Predict([text])[0];

    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var model = zip.CreateEntry("model.zip").Open())
        {
            _ml.Model.Save(_model, _schema, model);
        }

        using var info = zip.CreateEntry("info.json").Open();
        JsonSerializer.Serialize(info, Info);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    public static RoutingClassifier Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var infoEntry = zip.GetEntry("info.json") ?? throw new InvalidDataException("模型文件缺少 info.json,不是减负分拨模型。");
        var modelEntry = zip.GetEntry("model.zip") ?? throw new InvalidDataException("模型文件缺少 model.zip,不是减负分拨模型。");
        RoutingModelInfo info;
        using (var s = infoEntry.Open())
        {
            info = JsonSerializer.Deserialize<RoutingModelInfo>(s) ?? throw new InvalidDataException("模型说明无法读取。");
        }

        var ml = new MLContext(seed: 1);
        using var buffer = new MemoryStream();
        using (var s = modelEntry.Open())
        {
            s.CopyTo(buffer);
        }

        buffer.Position = 0;
        var model = ml.Model.Load(buffer, out var schema);
        return new RoutingClassifier(ml, model, schema, info);
    }

    public static RoutingClassifier Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Load(stream);
    }

    /// <summary>
    /// A message's title (its first line, or the text before the first space) and the rest, which is empty for a title
    /// alone; both as the model reads them, whatever the source wrote: full-width letters, digits and spaces made
    /// half-width (NFKC), and no whitespace inside the body (some exports keep single spaces, others none, and a model
    /// must not learn which export a row came from).
    /// </summary>
    internal static (string Title, string Body) Split(string text)
    {
        var normal = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var cut = normal.AsSpan().IndexOfAny(" \n\t\r");
        return cut > 0 ? (normal[..cut], Whitespace().Replace(normal[cut..], "")) : (normal, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    internal static bool HasBody(string text) => Split(text).Body.Length > 0;

    /// <summary>The title repeated, then the body: the text as the model sees it. A title alone stays as it is.</summary>
    internal static string Prepare(string text)
    {
        var (title, body) = Split(text);
        return body.Length > 0 ? string.Join(' ', Enumerable.Repeat(title, TitleRepeats)) + " " + body : title;
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext ml, int ngram, bool lbfgs) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(Input.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = null,
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = ngram, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
                KeepPunctuations = false,
                KeepNumbers = false,
            }, nameof(Input.Text)))
            .Append(lbfgs
                ? (IEstimator<ITransformer>)ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.01f, l1Regularization: 0, optimizationTolerance: 1e-4f)
                : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 1e-4f, maximumNumberOfIterations: 30));

    private static ITransformer Fit(MLContext ml, IReadOnlyList<LabelledText> rows) =>
        Pipeline(ml, 2, lbfgs: true).Fit(ml.Data.LoadFromEnumerable(Inputs(rows)));

    internal static IEnumerable<Input> Inputs(IEnumerable<LabelledText> rows, bool prepare = true) =>
        rows.Select(r => new Input { Text = prepare ? Prepare(r.Text) : r.Text, Label = r.Label });

    internal static string[] SlotNames(ITransformer model, DataViewSchema input)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(input)["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>Batch prediction: one pass of the data view, far faster than a prediction engine per text.</summary>
    internal static IEnumerable<RoutingPrediction> PredictWith(MLContext ml, ITransformer model, string[] labels, IEnumerable<string> texts, bool prepare = true)
    {
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new Input { Text = prepare ? Prepare(t) : t, Label = "" }));
        var scored = model.Transform(data);
        foreach (var row in ml.Data.CreateEnumerable<Output>(scored, reuseRowObject: false))
        {
            var best = 0;
            for (var i = 1; i < row.Score.Length; i++)
            {
                if (row.Score[i] > row.Score[best])
                {
                    best = i;
                }
            }

            yield return new RoutingPrediction(labels[best], row.Score[best], false);
        }
    }

    internal static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked(h * 31 + c);
        }

        return h;
    }

    internal sealed class Input
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    internal sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}
