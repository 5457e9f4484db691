<?php

class ImportHtmlBookmarks
{
    public function import(array $links): void
    {
        foreach ($links as $link) {
//      ^^^^^^^ long-running/php-fetch-per-item
            $meta = (new HtmlMeta)->getFromUrl($link['url']);
            Link::create(['url' => $link['url'], 'title' => $meta['title']]);
        }
        foreach ($feeds as $feed) {
//      ^^^^^^^ long-running/php-fetch-per-item
            $body = Http::get($feed->url)->body();
        }
        // ok: builds URLs, fetches nothing
        foreach ($links as $link) {
            $hosts[] = $this->getDomain($link->url);
            $urls[] = url($link['path']);
        }
        // ok: a single fetch outside a loop
        $page = file_get_contents($link['url']);
    }
}
