<?php

namespace App\Http\Controllers;

use App\Jobs\SendReceipt;
use App\Services\InvoiceService;
use Illuminate\Http\Request;
use PDO;

class OrderController extends Controller
{
    public function __construct(private InvoiceService $invoices)
    {
    }

    public function store(Request $request)
    {
        $pdo = new PDO(env('LEGACY_DSN'), env('LEGACY_USER'), env('LEGACY_PASSWORD'));
        $pdo->prepare('INSERT INTO legacy_orders (payload) VALUES (?)')->execute([$request->getContent()]);
        SendReceipt::dispatch($request->user())->afterResponse();
        return $this->invoices->render($request->input('id'));
    }

    public function show(int $order)
    {
        return $this->invoices->cached($order);
    }
}
