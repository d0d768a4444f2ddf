using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Collab.Training.Blocked;

/// <summary>
/// Fast mode's update for one rating, on a user record and an item record of <see cref="PackedRows"/> (factors
/// padded with zeros to a multiple of 8, then bias, factor moment, bias moment). The score is u·i + b_u + b_i, the
/// prediction low + width·σ(score) (or the score without an output range), and d = scale·error·dprediction/dscore.
/// Each of the four parameters (user factors, user bias, item factors, item bias) then takes one row-wise RMSprop
/// step with decoupled decay: v ← β2·v + (1 − β2)·mean(g²), p ← p·decay − lr·g / (sqrt(v / (1 − β2ᵗ)) + ε), with
/// g = d·i for the user's factors and d·u (before the step) for the item's, d for each bias. mean(g²) = d²·|i|²/k
/// comes from the same pass as the dot product, so the update is two passes over the records: one reads both
/// (u·i, |u|², |i|²), one writes both.
/// <see cref="TrainScalar"/> is the same update written plainly, the reference the tests compare it with.
/// </summary>
internal static class RatingKernel
{
    /// <summary>Trains one rating; returns the squared error and the prediction before the update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Train(ref float user, ref float item, int paddedFactors, float rating, in RatingStep s, out float prediction)
    {
        if (!Vector256.IsHardwareAccelerated)
            return TrainScalar(ref user, ref item, paddedFactors, rating, s, out prediction);
        // Two accumulators per sum, so each dependency chain is half as long.
        var dot0 = Vector256<float>.Zero;
        var dot1 = Vector256<float>.Zero;
        var userSquares0 = Vector256<float>.Zero;
        var userSquares1 = Vector256<float>.Zero;
        var itemSquares0 = Vector256<float>.Zero;
        var itemSquares1 = Vector256<float>.Zero;
        int j = 0;
        for (; j <= paddedFactors - 16; j += 16)
        {
            var u0 = Load(ref user, j);
            var i0 = Load(ref item, j);
            var u1 = Load(ref user, j + 8);
            var i1 = Load(ref item, j + 8);
            dot0 = Vector256.FusedMultiplyAdd(u0, i0, dot0);
            dot1 = Vector256.FusedMultiplyAdd(u1, i1, dot1);
            userSquares0 = Vector256.FusedMultiplyAdd(u0, u0, userSquares0);
            userSquares1 = Vector256.FusedMultiplyAdd(u1, u1, userSquares1);
            itemSquares0 = Vector256.FusedMultiplyAdd(i0, i0, itemSquares0);
            itemSquares1 = Vector256.FusedMultiplyAdd(i1, i1, itemSquares1);
        }
        if (j < paddedFactors)
        {
            var u0 = Load(ref user, j);
            var i0 = Load(ref item, j);
            dot1 = Vector256.FusedMultiplyAdd(u0, i0, dot1);
            userSquares1 = Vector256.FusedMultiplyAdd(u0, u0, userSquares1);
            itemSquares1 = Vector256.FusedMultiplyAdd(i0, i0, itemSquares1);
        }
        // (u·i, |u|², |i|², |i|²), then the score and d.
        var sums = Sums(dot0 + dot1, userSquares0 + userSquares1, itemSquares0 + itemSquares1);
        ref float userTail = ref Unsafe.Add(ref user, paddedFactors);
        ref float itemTail = ref Unsafe.Add(ref item, paddedFactors);
        float d = Gradient(sums.ToScalar() + userTail + itemTail, rating, s, vectorExp: true, out prediction, out float error);

        // The four second moments and steps at once, in the records' order: (user factors, user bias, item factors,
        // item bias), the mean squared gradients being d²·(|i|²/k, 1, |u|²/k, 1).
        var moments = Vector128.Create(ReadPair(ref userTail), ReadPair(ref itemTail)).AsSingle();
        var meanSquares = Vector128.FusedMultiplyAdd(Vector128.Shuffle(sums, Vector128.Create(2, 0, 1, 0)),
            Vector128.Create(s.InvFactors, 0, s.InvFactors, 0), Vector128.Create(0f, 1, 0, 1));
        moments = Vector128.FusedMultiplyAdd(Vector128.Create(s.Beta2), moments, Vector128.Create((1 - s.Beta2) * d * d) * meanSquares);
        var steps = Vector128.Create(s.LearningRate * d) / (Vector128.Sqrt(moments * Vector128.Create(s.InvBias2)) + Vector128.Create(s.Eps));
        WritePair(ref userTail, moments.AsInt64().ToScalar());
        WritePair(ref itemTail, moments.AsInt64().GetElement(1));
        userTail = userTail * s.BiasDecay - steps.GetElement(1);
        itemTail = itemTail * s.BiasDecay - steps.GetElement(3);

        var decay = Vector256.Create(s.Decay);
        var userStep = Vector256.Create(-steps.ToScalar());
        var itemStep = Vector256.Create(-steps.GetElement(2));
        for (j = 0; j < paddedFactors; j += 8)
        {
            var u = Load(ref user, j);
            var i = Load(ref item, j);
            Vector256.FusedMultiplyAdd(userStep, i, u * decay).StoreUnsafe(ref user, (nuint)j);
            Vector256.FusedMultiplyAdd(itemStep, u, i * decay).StoreUnsafe(ref item, (nuint)j);
        }
        return error * error;
    }

    /// <summary>
    /// Trains four ratings that pairwise share neither user nor item, which is what training them one after the
    /// other would give: none reads a row another writes. The four are computed side by side, so their dependency
    /// chains (two passes over the records, the sigmoid, square roots and divisions) overlap in the core, and their
    /// scalar work is done in vectors, once for all four. Returns the sum of the squared errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TrainFour(ref float userA, ref float itemA, ref float userB, ref float itemB,
        ref float userC, ref float itemC, ref float userD, ref float itemD, int paddedFactors,
        Vector128<float> ratings, in RatingStep s, out Vector128<float> predictions)
    {
        var dotA = Vector256<float>.Zero;
        var dotB = Vector256<float>.Zero;
        var dotC = Vector256<float>.Zero;
        var dotD = Vector256<float>.Zero;
        var uuA = Vector256<float>.Zero;
        var uuB = Vector256<float>.Zero;
        var uuC = Vector256<float>.Zero;
        var uuD = Vector256<float>.Zero;
        var iiA = Vector256<float>.Zero;
        var iiB = Vector256<float>.Zero;
        var iiC = Vector256<float>.Zero;
        var iiD = Vector256<float>.Zero;
        for (int j = 0; j < paddedFactors; j += 8)
        {
            var uA = Load(ref userA, j);
            var iA = Load(ref itemA, j);
            var uB = Load(ref userB, j);
            var iB = Load(ref itemB, j);
            var uC = Load(ref userC, j);
            var iC = Load(ref itemC, j);
            var uD = Load(ref userD, j);
            var iD = Load(ref itemD, j);
            dotA = Fma.MultiplyAdd(uA, iA, dotA);
            dotB = Fma.MultiplyAdd(uB, iB, dotB);
            dotC = Fma.MultiplyAdd(uC, iC, dotC);
            dotD = Fma.MultiplyAdd(uD, iD, dotD);
            uuA = Fma.MultiplyAdd(uA, uA, uuA);
            uuB = Fma.MultiplyAdd(uB, uB, uuB);
            uuC = Fma.MultiplyAdd(uC, uC, uuC);
            uuD = Fma.MultiplyAdd(uD, uD, uuD);
            iiA = Fma.MultiplyAdd(iA, iA, iiA);
            iiB = Fma.MultiplyAdd(iB, iB, iiB);
            iiC = Fma.MultiplyAdd(iC, iC, iiC);
            iiD = Fma.MultiplyAdd(iD, iD, iiD);
        }
        var dots = Sum4(dotA, dotB, dotC, dotD);
        var userSquares = Sum4(uuA, uuB, uuC, uuD);
        var itemSquares = Sum4(iiA, iiB, iiC, iiD);

        ref float tailUA = ref Unsafe.Add(ref userA, paddedFactors);
        ref float tailIA = ref Unsafe.Add(ref itemA, paddedFactors);
        ref float tailUB = ref Unsafe.Add(ref userB, paddedFactors);
        ref float tailIB = ref Unsafe.Add(ref itemB, paddedFactors);
        ref float tailUC = ref Unsafe.Add(ref userC, paddedFactors);
        ref float tailIC = ref Unsafe.Add(ref itemC, paddedFactors);
        ref float tailUD = ref Unsafe.Add(ref userD, paddedFactors);
        ref float tailID = ref Unsafe.Add(ref itemD, paddedFactors);
        var scores = dots + Vector128.Create(tailUA + tailIA, tailUB + tailIB, tailUC + tailIC, tailUD + tailID);
        predictions = scores;
        var slopes = Vector128<float>.One;
        if (s.HasRange)
        {
            var sigmoids = Vector128<float>.One / (Vector128<float>.One + VectorExp.Exp(-scores));
            var width = Vector128.Create(s.Width);
            slopes = width * sigmoids * (Vector128<float>.One - sigmoids);
            predictions = Vector128.FusedMultiplyAdd(width, sigmoids, Vector128.Create(s.Low));
        }
        var errors = predictions - ratings;
        var d = Vector128.Create(s.GradientScale) * errors * slopes;

        // Second moments in the records' order, per rating (user factors, user bias, item factors, item bias); their
        // mean squared gradients are d²·(|i|²/k, 1, |u|²/k, 1). Ratings A and B in one vector, C and D in the other.
        var squaresAB = Sse.UnpackLow(itemSquares, userSquares);   // (|i|² A, |u|² A, |i|² B, |u|² B)
        var squaresCD = Sse.UnpackHigh(itemSquares, userSquares);
        var spread = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
        var perFactor = Vector256.Create(s.InvFactors, 0, s.InvFactors, 0, s.InvFactors, 0, s.InvFactors, 0);
        var perBias = Vector256.Create(0f, 1, 0, 1, 0, 1, 0, 1);
        var meanSquaresAB = Vector256.FusedMultiplyAdd(Avx2.PermuteVar8x32(Vector256.Create(squaresAB, squaresAB), spread), perFactor, perBias);
        var meanSquaresCD = Vector256.FusedMultiplyAdd(Avx2.PermuteVar8x32(Vector256.Create(squaresCD, squaresCD), spread), perFactor, perBias);
        var d256 = Vector256.Create(d, d);
        var dAB = Avx2.PermuteVar8x32(d256, Vector256.Create(0, 0, 0, 0, 1, 1, 1, 1));
        var dCD = Avx2.PermuteVar8x32(d256, Vector256.Create(2, 2, 2, 2, 3, 3, 3, 3));
        var momentsAB = Vector256.Create(ReadPair(ref tailUA), ReadPair(ref tailIA), ReadPair(ref tailUB), ReadPair(ref tailIB)).AsSingle();
        var momentsCD = Vector256.Create(ReadPair(ref tailUC), ReadPair(ref tailIC), ReadPair(ref tailUD), ReadPair(ref tailID)).AsSingle();
        var beta2 = Vector256.Create(s.Beta2);
        var oneMinusBeta2 = Vector256.Create(1 - s.Beta2);
        momentsAB = Vector256.FusedMultiplyAdd(beta2, momentsAB, oneMinusBeta2 * dAB * dAB * meanSquaresAB);
        momentsCD = Vector256.FusedMultiplyAdd(beta2, momentsCD, oneMinusBeta2 * dCD * dCD * meanSquaresCD);
        var rate = Vector256.Create(s.LearningRate);
        var invBias2 = Vector256.Create(s.InvBias2);
        var eps = Vector256.Create(s.Eps);
        var stepsAB = rate * dAB / (Vector256.Sqrt(momentsAB * invBias2) + eps);
        var stepsCD = rate * dCD / (Vector256.Sqrt(momentsCD * invBias2) + eps);
        var longsAB = momentsAB.AsInt64();
        var longsCD = momentsCD.AsInt64();
        WritePair(ref tailUA, longsAB.GetElement(0));
        WritePair(ref tailIA, longsAB.GetElement(1));
        WritePair(ref tailUB, longsAB.GetElement(2));
        WritePair(ref tailIB, longsAB.GetElement(3));
        WritePair(ref tailUC, longsCD.GetElement(0));
        WritePair(ref tailIC, longsCD.GetElement(1));
        WritePair(ref tailUD, longsCD.GetElement(2));
        WritePair(ref tailID, longsCD.GetElement(3));
        tailUA = tailUA * s.BiasDecay - stepsAB.GetElement(1);
        tailIA = tailIA * s.BiasDecay - stepsAB.GetElement(3);
        tailUB = tailUB * s.BiasDecay - stepsAB.GetElement(5);
        tailIB = tailIB * s.BiasDecay - stepsAB.GetElement(7);
        tailUC = tailUC * s.BiasDecay - stepsCD.GetElement(1);
        tailIC = tailIC * s.BiasDecay - stepsCD.GetElement(3);
        tailUD = tailUD * s.BiasDecay - stepsCD.GetElement(5);
        tailID = tailID * s.BiasDecay - stepsCD.GetElement(7);

        var decay = Vector256.Create(s.Decay);
        var negativeAB = -stepsAB;
        var negativeCD = -stepsCD;
        var stepUA = Avx2.PermuteVar8x32(negativeAB, Vector256.Create(0));
        var stepIA = Avx2.PermuteVar8x32(negativeAB, Vector256.Create(2));
        var stepUB = Avx2.PermuteVar8x32(negativeAB, Vector256.Create(4));
        var stepIB = Avx2.PermuteVar8x32(negativeAB, Vector256.Create(6));
        var stepUC = Avx2.PermuteVar8x32(negativeCD, Vector256.Create(0));
        var stepIC = Avx2.PermuteVar8x32(negativeCD, Vector256.Create(2));
        var stepUD = Avx2.PermuteVar8x32(negativeCD, Vector256.Create(4));
        var stepID = Avx2.PermuteVar8x32(negativeCD, Vector256.Create(6));
        for (int j = 0; j < paddedFactors; j += 8)
        {
            var uA = Load(ref userA, j);
            var iA = Load(ref itemA, j);
            var uB = Load(ref userB, j);
            var iB = Load(ref itemB, j);
            var uC = Load(ref userC, j);
            var iC = Load(ref itemC, j);
            var uD = Load(ref userD, j);
            var iD = Load(ref itemD, j);
            Fma.MultiplyAdd(stepUA, iA, uA * decay).StoreUnsafe(ref userA, (nuint)j);
            Fma.MultiplyAdd(stepIA, uA, iA * decay).StoreUnsafe(ref itemA, (nuint)j);
            Fma.MultiplyAdd(stepUB, iB, uB * decay).StoreUnsafe(ref userB, (nuint)j);
            Fma.MultiplyAdd(stepIB, uB, iB * decay).StoreUnsafe(ref itemB, (nuint)j);
            Fma.MultiplyAdd(stepUC, iC, uC * decay).StoreUnsafe(ref userC, (nuint)j);
            Fma.MultiplyAdd(stepIC, uC, iC * decay).StoreUnsafe(ref itemC, (nuint)j);
            Fma.MultiplyAdd(stepUD, iD, uD * decay).StoreUnsafe(ref userD, (nuint)j);
            Fma.MultiplyAdd(stepID, uD, iD * decay).StoreUnsafe(ref itemD, (nuint)j);
        }
        return Vector128.Sum(errors * errors);
    }

    // (Σa, Σb, Σc, Σd) of four vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum4(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d)
    {
        var sums = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(c, d));
        return sums.GetLower() + sums.GetUpper();
    }

    // A record's two second moments (after its bias) as one 64-bit value, and back.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ReadPair(ref float tail) => Unsafe.ReadUnaligned<long>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref tail, 1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(ref float tail, long value) => Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref tail, 1)), value);

    /// <summary>The update of <see cref="Train"/> written plainly, one float at a time.</summary>
    public static float TrainScalar(ref float user, ref float item, int paddedFactors, float rating, in RatingStep s, out float prediction)
    {
        float dot = 0, userSquares = 0, itemSquares = 0;
        for (int j = 0; j < paddedFactors; j++)
        {
            float u = Unsafe.Add(ref user, j), i = Unsafe.Add(ref item, j);
            dot += u * i;
            userSquares += u * u;
            itemSquares += i * i;
        }
        ref float userBias = ref Unsafe.Add(ref user, paddedFactors);
        ref float itemBias = ref Unsafe.Add(ref item, paddedFactors);
        float d = Gradient(dot + userBias + itemBias, rating, s, vectorExp: false, out prediction, out float error);
        float userRate = RmsRate(ref Unsafe.Add(ref userBias, 1), d * d * itemSquares * s.InvFactors, s);
        float userBiasRate = RmsRate(ref Unsafe.Add(ref userBias, 2), d * d, s);
        float itemRate = RmsRate(ref Unsafe.Add(ref itemBias, 1), d * d * userSquares * s.InvFactors, s);
        float itemBiasRate = RmsRate(ref Unsafe.Add(ref itemBias, 2), d * d, s);
        for (int j = 0; j < paddedFactors; j++)
        {
            ref float u = ref Unsafe.Add(ref user, j);
            ref float i = ref Unsafe.Add(ref item, j);
            (u, i) = (u * s.Decay - userRate * d * i, i * s.Decay - itemRate * d * u);
        }
        userBias = userBias * s.BiasDecay - userBiasRate * d;
        itemBias = itemBias * s.BiasDecay - itemBiasRate * d;
        return error * error;
    }

    // dLoss/dscore for this rating's share of its batch's mean squared error, with the prediction and its error. The
    // vector path takes the exponential from Vector128.Exp, which inlines (MathF.Exp is a call, across which the
    // caller's vector registers must be saved).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Gradient(float score, float rating, in RatingStep s, bool vectorExp, out float prediction, out float error)
    {
        float slope = 1f;
        prediction = score;
        if (s.HasRange)
        {
            float exp = vectorExp ? VectorExp.Exp(Vector128.CreateScalarUnsafe(-score)).ToScalar() : MathF.Exp(-score);
            float sigmoid = 1f / (1f + exp);
            slope = s.Width * sigmoid * (1f - sigmoid);
            prediction = s.Low + s.Width * sigmoid;
        }
        error = prediction - rating;
        return s.GradientScale * error * slope;
    }

    // Updates a row's second moment with this step's mean squared gradient and returns lr / (sqrt(v̂) + ε).
    private static float RmsRate(ref float moment, float meanSquare, in RatingStep s)
    {
        moment = s.Beta2 * moment + (1 - s.Beta2) * meanSquare;
        return s.LearningRate / (MathF.Sqrt(moment * s.InvBias2) + s.Eps);
    }

    // (Σa, Σb, Σc, Σc) of three vectors: three horizontal adds and one across the halves instead of three full sums.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sums(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
        if (!Avx.IsSupported)
            return Vector128.Create(Vector256.Sum(a), Vector256.Sum(b), Vector256.Sum(c), Vector256.Sum(c));
        var pairs = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(c, c));
        return pairs.GetLower() + pairs.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float at, int offset) => Vector256.LoadUnsafe(ref at, (nuint)offset);
}
