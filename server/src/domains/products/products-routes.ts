import { idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  createProductBody,
  createProductCategoryBody,
  productCategorySchema,
  productExpandQuery,
  productExpansionResponse,
  productListQuery,
  productSchema,
  updateProductBody,
  updateProductCategoryBody,
} from '@contracts/products.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { expandProduct } from './product-bundles.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './product-categories.js';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './product-service.js';
import './product-export.js';
import './product-import.js';
import './product-search.js';

const tags = ['products'];

/** Q1: the product catalogue — categories, products and bundles, and what a quote line of one becomes. */
export const productsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    '/product-categories',
    { schema: { tags, response: { 200: z.object({ items: z.array(productCategorySchema) }) } } },
    async (request) => {
      assertCan(actorOf(request), 'products', 'view');
      return { items: await listCategories(db) };
    },
  );

  app.post(
    '/product-categories',
    { schema: { tags, body: createProductCategoryBody, response: { 201: productCategorySchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, 'products', 'create');
      return reply.status(201).send(await db.transaction().execute((trx) => createCategory(trx, actor, request.body)));
    },
  );

  app.patch(
    '/product-categories/:id',
    { schema: { tags, params: idParams, body: updateProductCategoryBody, response: { 200: productCategorySchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'products', 'edit');
      return db.transaction().execute((trx) => updateCategory(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/product-categories/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    assertCan(actorOf(request), 'products', 'delete');
    await db.transaction().execute((trx) => deleteCategory(trx, request.params.id));
    return { ok: true as const };
  });

  app.get(
    '/products',
    { schema: { tags, querystring: productListQuery, response: { 200: listResponse(productSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'products', 'view');
      return listProducts(db, actor, request.query);
    },
  );

  app.get('/products/:id', { schema: { tags, params: idParams, response: { 200: productSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'products', 'view');
    return getProduct(db, actor, request.params.id);
  });

  app.get(
    '/products/:id/expand',
    { schema: { tags, params: idParams, querystring: productExpandQuery, response: { 200: productExpansionResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'products', 'view');
      return { items: await expandProduct(db, actor, request.params.id, request.query.quantity) };
    },
  );

  app.post('/products', { schema: { tags, body: createProductBody, response: { 201: productSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'products', 'create');
    const id = await db.transaction().execute((trx) => createProduct(trx, actor, request.body));
    return reply.status(201).send(await getProduct(db, actor, id));
  });

  app.patch(
    '/products/:id',
    { schema: { tags, params: idParams, body: updateProductBody, response: { 200: productSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'products', 'edit');
      return db.transaction().execute((trx) => updateProduct(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/products/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'products', 'delete');
    await db.transaction().execute((trx) => deleteProduct(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
