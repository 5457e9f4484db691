<?php
class OrderController {
    public function store($request) {
        SendReceipt::dispatch($request->user());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-laravel-dispatch-sync
        dispatch(new RebuildIndex());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-laravel-dispatch-sync
        Queue::push(new RebuildIndex());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-laravel-dispatch-sync
        // ok: runs now, on purpose, not through the queue
        SendReceipt::dispatchSync($request->user());
        // ok: an event, not a job
        event(new OrderPlaced());
        Event::dispatch(new OrderPlaced());
        // ok: a dispatcher method of another object
        $this->events->dispatch('x');
    }
}
