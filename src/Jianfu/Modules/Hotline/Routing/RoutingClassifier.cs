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

/// <summary>What a model file says about itself: its version, the calibrated threshold and the figures behind it.</summary>
public sealed record RoutingModelInfo(
    string Version, DateTime TrainedAt, int TrainingRows, IReadOnlyList<string> Labels, float Threshold,
    double CalibrationPrecision, double CalibrationCoverage, int CalibrationFolds, double TrainingSeconds);

/// <summary>
/// The hotline order classifier (ML.NET): character 1–2-gram TF-IDF features with the title repeated (a message's
/// first line names its matter; the body adds noise), and an L-BFGS maximum-entropy model, whose probabilities
/// are calibrated into an auto-dispatch threshold by cross-validation on the training data alone.
/// A model file is a zip holding the ML.NET model and <see cref="RoutingModelInfo"/> as JSON.
/// </summary>
public sealed class RoutingClassifier
{
    /// <summary>
    /// The precision the threshold is calibrated for: half a point above the 97% the auto-dispatched orders must keep,
    /// because the threshold is set on cross-validation folds and new orders differ from them a little.
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
        // The calibration folds are independent: trained side by side, each with its own context (L-BFGS uses one core).
        var folds = new List<(string Label, string Predicted, float Confidence)>[CalibrationFolds];
        Parallel.For(0, CalibrationFolds, k =>
        {
            var foldMl = new MLContext(seed: 1);
            var test = shuffled.Where((_, i) => i % CalibrationFolds == k).ToList();
            // A held-out order's title may also be in the data on its own (exports repeat titles): left in, the fold
            // would have seen the answer and the threshold would come out too low.
            var heldTitles = test.Where(t => HasBody(t.Text)).Select(t => Title(t.Text)).ToHashSet(StringComparer.Ordinal);
            var train = shuffled.Where((r, i) => i % CalibrationFolds != k && !heldTitles.Contains(r.Text.Trim())).ToList();
            var fold = Fit(foldMl, train);
            var labels = SlotNames(fold, foldMl.Data.LoadFromEnumerable(Inputs(train)).Schema);
            folds[k] = PredictWith(foldMl, fold, labels, test.Select(t => t.Text)).Zip(test, (p, t) => (t.Label, p.Label, p.Confidence)).ToList();
            log?.Invoke($"校准第{k + 1}/{CalibrationFolds}折完成 {watch.Elapsed.TotalSeconds:F0} s");
        });
        // Calibrate on texts like those that will be routed: when there are enough full orders (title and body),
        // on them alone — short titles are easier, and a threshold set on them lets too many long orders through.
        var full = shuffled.Select((r, i) => (r, i)).Where(x => HasBody(x.r.Text)).Select(x => x.i).ToHashSet();
        var byRow = new (string Label, string Predicted, float Confidence)[shuffled.Count];
        for (var k = 0; k < CalibrationFolds; k++)
        {
            var indices = Enumerable.Range(0, shuffled.Count).Where(i => i % CalibrationFolds == k).ToList();
            for (var j = 0; j < indices.Count; j++)
            {
                byRow[indices[j]] = folds[k][j];
            }
        }

        var predictions = full.Count >= MinFullOrdersForCalibration ? full.Select(i => byRow[i]).ToList() : byRow.ToList();
        var (threshold, precision, coverage) = Calibrate(predictions, CalibrationTarget);
        var model = Fit(ml, shuffled);
        var schema = ml.Data.LoadFromEnumerable(Inputs(shuffled)).Schema;
        var info = new RoutingModelInfo(
            version ?? DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"), DateTime.UtcNow, rows.Count,
            SlotNames(model, schema), threshold, precision, coverage, CalibrationFolds, watch.Elapsed.TotalSeconds);
        log?.Invoke($"训练完成 {watch.Elapsed.TotalSeconds:F0} s");
        return new RoutingClassifier(ml, model, schema, info);
    }

    /// <summary>
    /// The lowest probability threshold at which the predictions above it are at least <paramref name="precision"/>
    /// correct (and the share of orders it lets through). No threshold reaches it: 1.01, nothing is automatic.
    /// </summary>
    public static (float Threshold, double Precision, double Coverage) Calibrate(IReadOnlyList<(string Label, string Predicted, float Confidence)> predictions, double precision)
    {
        var sorted = predictions.OrderByDescending(p => p.Confidence).ToList();
        var correct = 0;
        (float Threshold, double Precision, double Coverage) best = (1.01f, 1, 0);
        for (var i = 0; i < sorted.Count; i++)
        {
            correct += sorted[i].Label == sorted[i].Predicted ? 1 : 0;
            var p = correct / (double)(i + 1);
            // A threshold sits between distinct confidences; ties are taken together.
            if (p >= precision && (i + 1 == sorted.Count || sorted[i + 1].Confidence < sorted[i].Confidence))
            {
                best = (sorted[i].Confidence, p, (i + 1) / (double)sorted.Count);
            }
        }

        return best;
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

    /// <summary>A message's title (its first line, or the text before the first space) and the rest, which is empty for a title alone.</summary>
    private static (string Title, string Body) Split(string text)
    {
        var trimmed = text.Trim();
        var cut = trimmed.IndexOfAny([' ', '\n', '\t']);
        return cut > 0 ? (trimmed[..cut], trimmed[cut..]) : (trimmed, "");
    }

    private static bool HasBody(string text) => Split(text).Body.Length > 0;

    internal static string Title(string text) => Split(text).Title;

    /// <summary>The title repeated, then the body: the text as the model sees it. A title alone stays as it is.</summary>
    internal static string Prepare(string text)
    {
        var (title, body) = Split(text);
        return body.Length > 0 ? string.Join(' ', Enumerable.Repeat(title, TitleRepeats)) + body : title;
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
                ? (IEstimator<ITransformer>)ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.01f, l1Regularization: 0, optimizationTolerance: 1e-5f)
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
