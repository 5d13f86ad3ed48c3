using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Platform.Files;

/// <summary>A file kept by the store: the user's file name for display, the store's own key for the bytes.</summary>
public sealed record StoredFile(string Name, string Key, string ContentType, long Length);

/// <summary>
/// Attachments under JIANFU_DATA_DIR/attachments, named by a random key. The type is decided by the file's
/// first bytes, never by its name or the browser's claim; only images, PDF and Office documents are kept.
/// </summary>
public sealed class AttachmentStore(IConfiguration config)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly (byte[] Magic, string ContentType, string Kind)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", "PDF"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", "PNG 图片"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", "JPEG 图片"),
        ("PK\u0003\u0004"u8.ToArray(), "application/vnd.openxmlformats-officedocument", "Office 文档(docx/xlsx)"),
    ];

    private string Root => Path.Combine(DatabaseSetup.DataDirectory(config), "attachments");

    public async Task<Result<StoredFile>> SaveAsync(IFormFile file, long maxBytes, CancellationToken ct, bool allowOffice = true)
    {
        if (file.Length == 0)
        {
            return Error.Validation("file", "附件是空文件。");
        }

        if (file.Length > maxBytes)
        {
            return Error.Validation("file", $"附件不能超过{maxBytes / 1024 / 1024}MB。");
        }

        var head = new byte[8];
        await using (var probe = file.OpenReadStream())
        {
            _ = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var match = Signatures.FirstOrDefault(s => head.AsSpan().StartsWith(s.Magic) && (allowOffice || !s.ContentType.Contains("officedocument", StringComparison.Ordinal)));
        if (match.ContentType is null)
        {
            return Error.Validation("file", allowOffice
                ? "附件只能是图片(JPG、PNG)、PDF 或 Office 文档,按文件内容判断,与文件名无关。"
                : "附件只能是图片(JPG、PNG)或 PDF,按文件内容判断,与文件名无关。");
        }

        var key = $"{DateTime.UtcNow:yyyy/MM}/{Guid.NewGuid():N}";
        var path = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var target = File.Create(path))
        {
            await file.CopyToAsync(target, ct);
        }

        var name = Path.GetFileName(file.FileName);
        name = string.IsNullOrWhiteSpace(name) ? "附件" : name.Length > 120 ? name[^120..] : name;
        return new StoredFile(name, key, match.ContentType, file.Length);
    }

    /// <summary>Opens a stored file by its key; null when the key is not one the store made.</summary>
    public Stream? Open(string key)
    {
        if (key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
        {
            return null;
        }

        var path = Path.Combine(Root, key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string key)
    {
        if (Open(key) is { } stream)
        {
            stream.Dispose();
            File.Delete(Path.Combine(Root, key));
        }
    }
}
