import { Controller, Get, Param, Query } from '@nestjs/common';
import { ProductsService } from './products.service';

@Controller('products')
export class ProductsController {
  constructor(private readonly productsService: ProductsService) {}

  @Get()
  list(@Query('category') category?: string) {
    return this.productsService.findAll(category);
  }

  @Get(':sku/price')
  price(@Param('sku') sku: string, @Query('currency') currency?: string) {
    return this.productsService.getPrice(sku, currency);
  }
}
