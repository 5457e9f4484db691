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
