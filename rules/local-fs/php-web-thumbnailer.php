<?php

use WebThumbnailer\WebThumbnailer;

class Thumbnailer
{
    protected $wt;
    protected $gallery;

    public function __construct($conf)
    {
        $this->wt = new WebThumbnailer();
        $this->gallery = new Gallery();
    }

    public function get($url)
    {
        return $this->wt->thumbnail($url);
        //     ^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-web-thumbnailer
    }

    public function preview($url)
    {
        // ok: a field of another class, not a WebThumbnailer
        return $this->gallery->thumbnail($url);
    }

    public function local($url)
    {
        $wt = new Gallery();
        // ok: a local, not a field
        return $wt->thumbnail($url);
    }
}
