<?php
class Song extends Model
{
    use Searchable;

    public function toSearchableArray(): array
//                  ^^^^^^^^^^^^^^^^^ local-fs/php-scout-index-used
    {
        return ['id' => $this->id, 'title' => $this->title];
    }

    // ok: another method of the model
    public function searchableAs(): string
    {
        return 'songs';
    }
}

function search($q)
{
    return Song::search($q)->get();
//         ^^^^^^^^^^^^^^^^ local-fs/php-scout-index-used
}

function listing()
{
    // ok: a query, not a search of the index
    return Song::query()->where('title', 'like', '%a%')->get();
    // ok: a method named search on an object
    $finder->search('x');
}
