namespace Collab.Training;

/// <summary>
/// The batches trained between two rounds of callbacks: their scheduled lr and β1 (set before they run),
/// and their losses and predictions (read after). Exact mode uses groups of one batch.
/// </summary>
internal sealed class BatchGroup(int capacity, int batchSize)
{
    private readonly double[] _learningRates = new double[capacity];
    private readonly double[] _momentums = new double[capacity];
    private readonly float[] _predictions = new float[capacity * batchSize];

    public int Capacity => capacity;

    public int BatchSize => batchSize;

    public int Count { get; private set; }

    public double[] Losses { get; } = new double[capacity];

    public void Reset(int count) => Count = count;

    public void Schedule(int batch, double learningRate, double momentum)
    {
        _learningRates[batch] = learningRate;
        _momentums[batch] = momentum;
    }

    public (double LearningRate, double Momentum) Rates(int batch) => (_learningRates[batch], _momentums[batch]);

    public Memory<float> Predictions(int batch) => _predictions.AsMemory(batch * batchSize, batchSize);
}
