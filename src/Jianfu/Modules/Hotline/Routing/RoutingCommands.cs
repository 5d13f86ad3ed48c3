using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.ML;

namespace Jianfu.Modules.Hotline.Routing;

/// <summary>
/// `jianfu routing train|predict|evaluate`: the classifier from a shell, on UTF-8 CSV files with a header row.
/// </summary>
public static class RoutingCommands
{
    public static int Train(IReadOnlyList<string> dataFiles, string modelPath)
    {
        var rows = dataFiles.SelectMany(f => Read(f, needLabel: true)).ToList();
        Console.WriteLine($"训练数据 {rows.Count:N0} 行,{rows.Select(r => r.Label).Distinct().Count()} 个类别");
        var classifier = RoutingClassifier.Train(rows, log: Console.WriteLine);
        using (var file = File.Create(modelPath))
        {
            classifier.Save(file);
        }

        var i = classifier.Info;
        Console.WriteLine($"模型版本 {i.Version} 已保存到 {modelPath}");
        Console.WriteLine($"自动分拨阈值 {i.Threshold:F3}(交叉验证:精确率 {i.CalibrationPrecision:P1},自动分拨覆盖 {i.CalibrationCoverage:P1});训练用时 {i.TrainingSeconds:F1} s");
        if (i.FoldPrecisions is { } precisions && i.FoldCoverages is { } coverages)
        {
            Console.WriteLine($"各折:精确率 {string.Join(" ", precisions.Select(p => p.ToString("P1")))};覆盖 {string.Join(" ", coverages.Select(c => c.ToString("P1")))}");
        }
        return 0;
    }

    public static int Predict(string modelPath, string input, string output)
    {
        using var stream = File.OpenRead(modelPath);
        var classifier = RoutingClassifier.Load(stream);
        var rows = Read(input, needLabel: false);
        var watch = Stopwatch.StartNew();
        var predictions = classifier.Predict(rows.Select(r => r.Text));
        var seconds = watch.Elapsed.TotalSeconds;
        using (var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("id");
            csv.WriteField("label");
            csv.WriteField("confidence");
            csv.WriteField("auto");
            csv.NextRecord();
            foreach (var (row, p) in rows.Zip(predictions))
            {
                csv.WriteField(row.Id);
                csv.WriteField(p.Label);
                csv.WriteField(p.Confidence.ToString("F4", CultureInfo.InvariantCulture));
                csv.WriteField(p.Auto ? "true" : "false");
                csv.NextRecord();
            }
        }

        Console.WriteLine($"模型 {classifier.Info.Version}:{rows.Count:N0} 条,{predictions.Count(p => p.Auto):N0} 条自动分拨,用时 {seconds:F2} s({rows.Count / Math.Max(seconds, 1e-9):N0} 条/秒)");
        return 0;
    }

    /// <summary>
    /// k-fold cross-validation over the full messages of <paramref name="dataFiles"/>; <paramref name="extraFiles"/>
    /// only ever train. Each fold trains its own model and calibrates its own threshold on its training part alone,
    /// then routes the held-out messages; rows of the same matter as a held-out message (its title, the opening of its
    /// body) are kept out of that fold's training.
    /// </summary>
    public static int Evaluate(IReadOnlyList<string> dataFiles, IReadOnlyList<string> extraFiles, int folds)
    {
        var messages = dataFiles.SelectMany(f => Read(f, needLabel: true)).ToList();
        var extra = extraFiles.SelectMany(f => Read(f, needLabel: true)).ToList();
        var order = messages.OrderBy(m => RoutingClassifier.StableHash(m.Id)).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var model = new List<(string Label, string Predicted, float Confidence, bool Auto)>();
        var baseline = new List<(string Label, string Predicted)>();
        var trainSeconds = new List<double>();
        var predictRate = new List<double>();
        var perFold = new List<(double Accuracy, double Coverage, double Precision, double ExpectedCoverage, double ExpectedPrecision)>();
        for (var k = 0; k < folds; k++)
        {
            var test = order.Where((_, i) => i % folds == k).ToList();
            var train = SameMatter.Without(order.Where((_, i) => i % folds != k).Concat(extra), test);
            var watch = Stopwatch.StartNew();
            var classifier = RoutingClassifier.Train(train);
            trainSeconds.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            var predicted = classifier.Predict(test.Select(t => t.Text));
            predictRate.Add(test.Count / watch.Elapsed.TotalSeconds);
            var fold = test.Zip(predicted, (t, p) => (t.Label, p.Label, p.Confidence, p.Auto)).ToList();
            model.AddRange(fold);
            baseline.AddRange(test.Zip(Baseline(train, test), (t, p) => (t.Label, p)));
            var auto = fold.Where(p => p.Auto).ToList();
            perFold.Add((fold.Count(p => p.Item1 == p.Item2) / (double)fold.Count, auto.Count / (double)fold.Count,
                auto.Count(p => p.Item1 == p.Item2) / (double)Math.Max(1, auto.Count), classifier.Info.CalibrationCoverage, classifier.Info.CalibrationPrecision));
            Console.WriteLine($"第{k + 1}/{folds}折:训练 {train.Count:N0} 行 {trainSeconds[^1]:F0} s,测试 {test.Count} 条,准确率 {perFold[^1].Accuracy:P1};" +
                $"阈值 {classifier.Info.Threshold:F3},自动分拨 {perFold[^1].Coverage:P1},其精确率 {perFold[^1].Precision:P1}" +
                $"(训练时校准预计 {perFold[^1].ExpectedCoverage:P1} / {perFold[^1].ExpectedPrecision:P1})");
        }

        var all = model.Where(p => p.Auto).ToList();
        var pairs = model.Select(m => (m.Label, m.Predicted)).ToList();
        Console.WriteLine();
        Console.WriteLine($"| model | accuracy | macro-F1 | auto-dispatched | precision of auto | worst fold: auto / precision |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        Console.WriteLine($"| baseline: char 1–2-gram TF-IDF + SDCA, no title weighting | {Accuracy(baseline):P1} | {MacroF1(baseline):P1} | – | – | – |");
        Console.WriteLine($"| Jianfu: title ×5 + char 1–2-gram TF-IDF + L-BFGS, calibrated threshold | {Accuracy(pairs):P1} | {MacroF1(pairs):P1} | " +
            $"{all.Count / (double)model.Count:P1} | {all.Count(a => a.Label == a.Predicted) / (double)Math.Max(1, all.Count):P1} | " +
            $"{perFold.Min(f => f.Coverage):P1} / {perFold.Min(f => f.Precision):P1} |");
        Console.WriteLine($"准确率各折 {string.Join(" ", perFold.Select(f => f.Accuracy.ToString("P1")))};自动分拨精确率各折 {string.Join(" ", perFold.Select(f => f.Precision.ToString("P1")))}");
        Console.WriteLine($"训练(含阈值校准)每折平均 {trainSeconds.Average():F1} s;预测 {predictRate.Average():N0} 条/秒");

        // What a district would run: one model on every file, then every message routed by it on this one thread.
        var everything = messages.Concat(extra).ToList();
        var timer = Stopwatch.StartNew();
        var final = RoutingClassifier.Train(everything);
        var seconds = timer.Elapsed.TotalSeconds;
        timer.Restart();
        _ = final.Predict(messages.Select(m => m.Text));
        var rate = messages.Count / timer.Elapsed.TotalSeconds;
        Console.WriteLine($"全部 {everything.Count:N0} 行训练 {seconds:F1} s(阈值 {final.Info.Threshold:F3});预测 {messages.Count:N0} 条 {rate:N0} 条/秒");

        var accuracy = Accuracy(pairs);
        var worst = (Coverage: perFold.Min(f => f.Coverage), Precision: perFold.Min(f => f.Precision));
        Jianfu.Platform.Bench.BenchData.Result($"12345 routing, {folds}-fold CV over {messages.Count:N0} full messages: accuracy", "—",
            $"{accuracy:P1} (baseline {Accuracy(baseline):P1})", "≥ 92.5%, ahead of the baseline", accuracy >= 0.925 && accuracy > Accuracy(baseline));
        Jianfu.Platform.Bench.BenchData.Result("12345 routing: dispatched automatically, worst fold", "—",
            $"{worst.Coverage:P1} of orders; precision {worst.Precision:P1}", "≥ 70% at ≥ 97% on every fold", worst.Coverage >= 0.70 && worst.Precision >= 0.97);
        Jianfu.Platform.Bench.BenchData.Result($"12345 routing: training on every file ({everything.Count:N0} rows)", "—", $"{seconds:F1} s", "< 60 s", seconds < 60);
        Jianfu.Platform.Bench.BenchData.Result("12345 routing: prediction, full messages, one thread", "—", $"{rate:N0} orders/s", "≥ 2,000/s", rate >= 2000);
        return 0;
    }

    private static IEnumerable<string> Baseline(IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> test)
    {
        var ml = new MLContext(seed: 1);
        var model = RoutingClassifier.Pipeline(ml, 2, lbfgs: false).Fit(ml.Data.LoadFromEnumerable(RoutingClassifier.Inputs(train, prepare: false)));
        var labels = RoutingClassifier.SlotNames(model, ml.Data.LoadFromEnumerable(RoutingClassifier.Inputs(train, prepare: false)).Schema);
        return RoutingClassifier.PredictWith(ml, model, labels, test.Select(t => t.Text), prepare: false).Select(p => p.Label).ToList();
    }

    public static double Accuracy(IReadOnlyList<(string Label, string Predicted)> p) => p.Count(x => x.Label == x.Predicted) / (double)p.Count;

    public static double MacroF1(IReadOnlyList<(string Label, string Predicted)> p) => p.Select(x => x.Label).Distinct().Average(label =>
    {
        var tp = p.Count(x => x.Predicted == label && x.Label == label);
        var fp = p.Count(x => x.Predicted == label && x.Label != label);
        var fn = p.Count(x => x.Predicted != label && x.Label == label);
        return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    });

    /// <summary>Reads id,text[,label]; a missing column or an empty text stops with the row number.</summary>
    public static List<LabelledText> Read(string path, bool needLabel)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"文件不存在:{path}");
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, needLabel, Path.GetFileName(path));
    }

    public static List<LabelledText> Read(TextReader reader, bool needLabel, string name)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new InvalidDataException($"{name}:文件为空,需要表头 id,text{(needLabel ? ",label" : "")}。");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var column in needLabel ? new[] { "id", "text", "label" } : ["id", "text"])
        {
            if (!header.Contains(column))
            {
                throw new InvalidDataException($"{name}:缺少列“{column}”,表头应为 id,text{(needLabel ? ",label" : "")}。");
            }
        }

        var rows = new List<LabelledText>();
        while (csv.Read())
        {
            string Get(string column) => csv.GetField(Array.IndexOf(header, column))?.Trim() ?? "";
            var row = new LabelledText(Get("id"), Get("text"), needLabel ? Get("label") : "");
            if (row.Text.Length == 0 || (needLabel && row.Label.Length == 0))
            {
                throw new InvalidDataException($"{name} 第{csv.Parser.Row}行:text{(needLabel ? " 或 label" : "")} 为空。");
            }

            rows.Add(row);
        }

        return rows;
    }
}
