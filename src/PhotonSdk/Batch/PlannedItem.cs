namespace PhotonSdk.Batch;

/// <summary>An item with the model it routes to and its latest journal entry; only the item's own task changes it once a run starts.</summary>
internal sealed class PlannedItem
{
    public PlannedItem(PhotonBatchItem item, PhotonModel model)
    {
        Item = item;
        Model = model;
        Entry = new PhotonBatchJournalEntry(item.Key, PhotonBatchItemState.Pending) { ModelId = model.Id };
    }

    public PhotonBatchItem Item { get; }

    public string Key => Item.Key;

    public PhotonModel Model { get; }

    public PhotonBatchJournalEntry Entry { get; set; }

    public GenerationOptions Options => new() { Model = Model.Id, InputImage = Item.InputImage };
}
