<?php
class LogoService
{
    public function cache($name, $body)
    {
        Storage::disk('logos')->put($name, $body);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-storage-named-disk-write
        // ok: a read
        return Storage::disk('logos')->get($name);
    }

    public function check($name, $content)
    {
        // ok: written and deleted within the request
        Storage::disk('temp')->put($name, $content);
        $type = Storage::disk('temp')->mimeType($name);
        Storage::disk('temp')->delete($name);
        return $type;
    }

    public function publish($name)
    {
        // ok: the built-in local disks are local-fs/php-file-write
        Storage::disk('public')->put($name, 'x');
    }
}

class IconStore
{
    protected ?string $disk;

    const ARCHIVE = 'archive';

    public function __construct()
    {
        $this->setDisk();
    }

    protected function disk()
    {
        return Storage::disk($this->disk);
    }

    public function setDisk(string $diskName = 'icons')
    {
        $this->disk = $diskName;
        return $this;
    }

    public function store($name, $content)
    {
        return $this->disk()->put($name, $content);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-storage-named-disk-write
    }

    public function archive($name, $content)
    {
        Storage::disk(self::ARCHIVE)->put($name, $content);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-storage-named-disk-write
        // ok: a read through the same disk
        return $this->disk()->get($name);
    }

    public function remember($key, $value)
    {
        // ok: the object's cache, no disk
        return $this->cache()->put($key, $value);
    }

    protected function cache()
    {
        return Cache::store('redis');
    }
}

class Uploads
{
    protected $disk = 'public';

    public function save($name, $content)
    {
        // ok: the built-in public disk is local-fs/php-file-write's
        Storage::disk($this->disk)->put($name, $content);
    }
}
