using System.Buffers.Binary;

namespace Jianfu.Platform.Text;

/// <summary>
/// MinHash signatures (Broder 1997) over the character bigrams of a text: the share of equal positions in two
/// signatures estimates the Jaccard similarity of their bigram sets (standard error about 0.06 with 64 hashes).
/// A signature is 256 bytes, stored with the dispatch, so the duplicate check compares numbers, not texts.
/// </summary>
public static class MinHash
{
    public const int Size = 64;

    // Multiply-shift hashing (Dietzfelbinger et al.): h(x) = (a·x + b) >> 32 with random odd a; fixed seed so
    // signatures stay comparable across restarts and versions.
    private static readonly (ulong A, ulong B)[] Hashes = CreateHashes();

    public static uint[] Of(string text)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        var previous = '\0';
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw))
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            if (previous != '\0')
            {
                var shingle = Mix(((ulong)previous << 16) | c);
                for (var i = 0; i < Size; i++)
                {
                    var h = (uint)((Hashes[i].A * shingle + Hashes[i].B) >> 32);
                    if (h < signature[i])
                    {
                        signature[i] = h;
                    }
                }
            }

            previous = c;
        }

        return signature;
    }

    /// <summary>Estimated Jaccard similarity of the two texts' bigram sets (0–1).</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < Size; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return equal / (double)Size;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[Size * 4];
        for (var i = 0; i < Size; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        var signature = new uint[Size];
        for (var i = 0; i < Size; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return signature;
    }

    // SplitMix64 finaliser: spreads the 32-bit bigram code over 64 bits before the per-position hashes.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    private static (ulong, ulong)[] CreateHashes()
    {
        var random = new Random(20261123);
        return Enumerable.Range(0, Size)
            .Select(_ => ((ulong)random.NextInt64() | 1UL, (ulong)random.NextInt64()))
            .ToArray();
    }
}
