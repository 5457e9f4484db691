<?php
class ProfileController {
    public function avatar($request) {
        $user = $request->user();
        $user->addMediaFromRequest('avatar')->toMediaCollection('avatar');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-medialibrary-store
        $user->addMedia($path)
//      ^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-medialibrary-store
            ->usingFileName('invoice.pdf')
            ->toMediaCollection('invoices');
        // ok: reading or deleting media stores nothing
        $url = $user->getFirstMediaUrl('avatar');
        $user->clearMediaCollection('avatar');
    }
}
