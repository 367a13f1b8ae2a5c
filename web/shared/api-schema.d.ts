/**
 * Generated from Retour's OpenAPI document (GET /api/openapi.json) by `npm run api:types`.
 * Do not edit: change the route schemas in src/http/routes and run `npm run api:types`.
 */
export interface paths {
    "/api/v1/analytics/care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compensation granted and revenue kept by exchange-first offers, per currency, in a period */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            compensation: {
                                amountMinor: number;
                                currency: string;
                                grants: number;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            exchangeFirst: {
                                acceptedBp: number;
                                bonusMinor: number;
                                currency: string;
                                exchanges: number;
                                /** @description Revenue kept: exchanged or store-credited instead of refunded */
                                keptMinor: number;
                                offers: number;
                                refunds: number;
                                storeCredits: number;
                            }[];
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost of returns: refunds, return shipping reimbursed, store-credit bonuses, written-off stock, less restocking fees */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Coupons and store credit granted as compensation in the period (whole shop: only the period narrows it) */
                            compensationMinor: number;
                            currency: string;
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            groupBy: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                            /** @description One per group: `key` (a day, ISO week Monday, month, SKU variant id, product id, category, reason or channel) with labels and the figures */
                            groups: (({
                                key: string;
                            } & {
                                [key: string]: unknown;
                            }) & ({
                                completedCases: number;
                                /** @description Refunds of cases whose return shipping the insurer paid (运费险): not in shippingReimbursedMinor */
                                insuredRefunds: number;
                                insuredShare: number | null;
                                refundedMinor: number;
                                refundedUnits: number;
                                refunds: number;
                                restockingFeesMinor: number;
                                shippingReimbursedMinor: number;
                                storeCreditBonusMinor: number;
                                /** @description refunded + shipping reimbursed + bonuses + written off − restocking fees */
                                totalMinor: number;
                                writtenOffUnits: number;
                                writtenOffValueMinor: number;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @enum {string} */
                            metric: "cost";
                            nextCursor: string | null;
                            period: {
                                from: string;
                                timezone: string;
                                to: string;
                            };
                            /** @description The cube awaits a rebuild by the worker: figures may be incomplete */
                            rebuildPending: boolean;
                            totals: {
                                completedCases: number;
                                /** @description Refunds of cases whose return shipping the insurer paid (运费险): not in shippingReimbursedMinor */
                                insuredRefunds: number;
                                insuredShare: number | null;
                                refundedMinor: number;
                                refundedUnits: number;
                                refunds: number;
                                restockingFeesMinor: number;
                                shippingReimbursedMinor: number;
                                storeCreditBonusMinor: number;
                                /** @description refunded + shipping reimbursed + bonuses + written off − restocking fees */
                                totalMinor: number;
                                writtenOffUnits: number;
                                writtenOffValueMinor: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description totalMinor + compensationMinor */
                            totalWithCompensationMinor: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Buyers with the most returns, with their return rates
         * @description All time without `from`/`to`; otherwise the whole months the period touches. Filter by channel; SKU, category and reason filters are refused (analytics.filter_unsupported).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Only buyers who bought at least this many units */
                    minSoldUnits?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description default returnedUnits */
                    sort?: "returnedUnits" | "returnRate" | "cases" | "refunded";
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customers: ({
                                casesRequested: number;
                                /** Format: uuid */
                                customerId: string;
                                email: string | null;
                                name: string | null;
                                refundedMinor: number;
                                returnedUnits: number;
                                returnRate: number | null;
                                soldUnits: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @enum {string} */
                            metric: "customers";
                            nextCursor: string | null;
                            period: {
                                fromMonth: string;
                                timezone: string;
                                toMonth: string;
                            } | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trained return-risk model versions, newest first, with their held-out AUC, calibration and coefficients */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                auc: number | null;
                                /** Format: uuid */
                                id: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return risk: score an order (or a line) with its top features, or rank SKUs by predicted return rate
         * @description With `orderId` or `lineId`: each line's probability of a return and the features that drive it (coefficient × standardised value). Otherwise: SKUs ranked by predicted return rate (filter by sku, productId or category), with the model, its AUC and calibration. 404 analytics.model_not_found before `retour analytics train`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    lineId?: string;
                    /** @description Only SKUs scored on at least this many recent lines */
                    minLines?: number;
                    orderId?: string;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Features listed per line (default 5) */
                    top?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @enum {string} */
                            metric: "predictions";
                            model: {
                                /** Format: uuid */
                                id: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/quality-refund-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quality refund rate (品质退款率) over the policy window, thresholds, 7-day projection
         * @description `series`: the rolling-window rate for every day of the period. `current`: the window ending on `to`. `level`: ok, projected_warn, warn, projected_limit or limit. Groups: per bucket for time groupings, the window ending on `to` for dimensions. The worker alerts (webhook event analytics.quality_refund_rate and an e-mail to the owners) when the level rises.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                paidOrders: number;
                                qualityRefundedCases: number;
                                rate: number | null;
                                rateBp: number | null;
                                windowFrom: string;
                                windowTo: string;
                            };
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            groups: (({
                                key: string;
                            } & {
                                [key: string]: unknown;
                            }) & ({
                                paidOrders: number;
                                qualityRefundedCases: number;
                                rate: number | null;
                                rateBp: number | null;
                                refundedCases: number;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            lastAlert: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            level: "ok" | "projected_warn" | "warn" | "projected_limit" | "limit";
                            /** @enum {string} */
                            metric: "quality_refund_rate";
                            series: {
                                day: string;
                                paidOrders: number;
                                qualityRefundedCases: number;
                                rate: number | null;
                                rateBp: number | null;
                            }[];
                            thresholds: {
                                limitBp: number;
                                warnAtBp: number;
                                windowDays: number;
                            };
                            trend: {
                                fittedDays: number;
                                horizonDays: number;
                                projectedBp: number | null;
                                slopeBpPerDay: number | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reasons for returns; the top reasons of each SKU, product or category
         * @description groupBy reason (default) lists reasons; groupBy sku, product or category lists the top groups by cases, each with `topReasons`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                    /** @description Reasons listed per group (default 5) */
                    topReasons?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            groupBy: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                            /** @description One per group: `key` (a day, ISO week Monday, month, SKU variant id, product id, category, reason or channel) with labels and the figures */
                            groups: (({
                                key: string;
                            } & {
                                [key: string]: unknown;
                            }) & ({
                                casesRequested: number;
                                returnedUnits: number;
                                unitsRequested: number;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @enum {string} */
                            metric: "reasons";
                            nextCursor: string | null;
                            period: {
                                from: string;
                                timezone: string;
                                to: string;
                            };
                            /** @description The cube awaits a rebuild by the worker: figures may be incomplete */
                            rebuildPending: boolean;
                            totals: {
                                casesRequested: number;
                                returnedUnits: number;
                                unitsRequested: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/return-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return rate by units and by value, by order-date cohort
         * @description Returned ÷ sold units (and value) of the orders placed in the period; see `definition` in the reply and docs/analytics.md.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Leave out groups that sold fewer units (when ranking by rate) */
                    minSoldUnits?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Order of dimension groups (largest first); default returnedUnits */
                    sort?: "returnedUnits" | "unitRate" | "valueRate" | "soldUnits" | "returnedValue";
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            groupBy: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                            /** @description One per group: `key` (a day, ISO week Monday, month, SKU variant id, product id, category, reason or channel) with labels and the figures */
                            groups: (({
                                key: string;
                            } & {
                                [key: string]: unknown;
                            }) & ({
                                /** @description Orders placed in the period (sold: paid, not cancelled) */
                                orders: number;
                                /** @description Units of these orders in return cases still open */
                                pendingReturnUnits: number;
                                /** @description Units accepted back in completed return cases, from these orders */
                                returnedUnits: number;
                                returnedValueMinor: number;
                                soldUnits: number;
                                soldValueMinor: number;
                                unitRate: number | null;
                                valueRate: number | null;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @enum {string} */
                            metric: "return_rate";
                            nextCursor: string | null;
                            period: {
                                from: string;
                                timezone: string;
                                to: string;
                            };
                            /** @description The cube awaits a rebuild by the worker: figures may be incomplete */
                            rebuildPending: boolean;
                            totals: {
                                /** @description Orders placed in the period (sold: paid, not cancelled) */
                                orders: number;
                                /** @description Units of these orders in return cases still open */
                                pendingReturnUnits: number;
                                /** @description Units accepted back in completed return cases, from these orders */
                                returnedUnits: number;
                                returnedValueMinor: number;
                                soldUnits: number;
                                soldValueMinor: number;
                                unitRate: number | null;
                                valueRate: number | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/time-to-refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time from request to refund (p50, p90), deadline compliance, automatic vs manual decisions */
        get: {
            parameters: {
                query?: {
                    /** @description Only this category's SKUs ('' = no category) */
                    category?: string;
                    /** @description Only orders of this channel */
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description First day of the period (shop time zone), default 89 days before `to` */
                    from?: string;
                    /** @description day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none */
                    groupBy?: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                    /** @description Groups per page for dimension groupings (default 100); time groupings return every bucket */
                    limit?: number;
                    /** @description Only this product's SKUs */
                    productId?: string;
                    /** @description Only cases giving this reason code (of the shop's policy) */
                    reason?: string;
                    /** @description Only this SKU */
                    sku?: string;
                    /** @description Last day of the period (shop time zone), default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @description The histogram the percentiles come from */
                            distribution: {
                                cases: number;
                                fromSeconds: number;
                            }[];
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            groupBy: "none" | "day" | "week" | "month" | "sku" | "product" | "category" | "reason" | "channel";
                            /** @description One per group: `key` (a day, ISO week Monday, month, SKU variant id, product id, category, reason or channel) with labels and the figures */
                            groups: (({
                                key: string;
                            } & {
                                [key: string]: unknown;
                            }) & ({
                                deadlineCompliance: {
                                    deadlines: number;
                                    met: number;
                                    rate: number | null;
                                } | null;
                                decisions: {
                                    automatic: number;
                                    automaticShare: number | null;
                                    manual: number;
                                    platform: number;
                                };
                                meanSeconds: number | null;
                                p50Seconds: number | null;
                                p90Seconds: number | null;
                                refundedCases: number;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @enum {string} */
                            metric: "time_to_refund";
                            nextCursor: string | null;
                            period: {
                                from: string;
                                timezone: string;
                                to: string;
                            };
                            /** @description The cube awaits a rebuild by the worker: figures may be incomplete */
                            rebuildPending: boolean;
                            totals: {
                                deadlineCompliance: {
                                    deadlines: number;
                                    met: number;
                                    rate: number | null;
                                } | null;
                                decisions: {
                                    automatic: number;
                                    automaticShare: number | null;
                                    manual: number;
                                    platform: number;
                                };
                                meanSeconds: number | null;
                                p50Seconds: number | null;
                                p90Seconds: number | null;
                                refundedCases: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description A marketplace connector key: may act as the platform (X-Acting-As: platform) */
                                platform: boolean;
                                /** @description Shown to tell keys apart; the secret is never shown again */
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the key is in this reply only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description A marketplace connector key, which may relay the platform's own decisions with X-Acting-As: platform (its role still bounds what it may do: money needs refunds:issue) */
                        platform?: boolean;
                        /** @enum {string} */
                        role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description A marketplace connector key: may act as the platform (X-Acting-As: platform) */
                                platform: boolean;
                                /** @description Shown to tell keys apart; the secret is never shown again */
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                            };
                            /** @description Shown once; store it now */
                            key: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key (it stops working at once) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description A marketplace connector key: may act as the platform (X-Acting-As: platform) */
                            platform: boolean;
                            /** @description Shown to tell keys apart; the secret is never shown again */
                            prefix: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in as staff; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @description Shop slug, needed when the e-mail belongs to several shops */
                        shop?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            /** Format: date-time */
                            expiresAt: string;
                            shop: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                slug: string;
                                /** @description The shop's IANA time zone: the console shows times in it */
                                timezone: string;
                            };
                            staff: {
                                /** Format: date-time */
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                lastLoginAt: string | null;
                                locale: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the staff member or API key, its shop, role and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: "staff" | "api_key";
                            name: string;
                            permissions: ("shop:read" | "shop:manage" | "staff:manage" | "api_keys:manage" | "orders:read" | "orders:write" | "imports:run" | "customers:read" | "cases:read" | "cases:create" | "cases:decide" | "cases:message" | "warehouse:receive" | "refunds:issue" | "policy:read" | "policy:write" | "webhooks:manage" | "analytics:read")[];
                            /** @enum {string} */
                            role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                            shop: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                slug: string;
                                /** @description The shop's IANA time zone: the console shows times in it */
                                timezone: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Blocklist and allowlist entries */
        get: {
            parameters: {
                query?: {
                    list?: "block" | "allow";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "email" | "phone" | "address";
                                /** @enum {string} */
                                list: "block" | "allow";
                                reason: string | null;
                                /** @description The normal form (E.164 for a phone, lower-case e-mail) */
                                value: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Block or allow a buyer by customer, e-mail, phone or address (stored in its normal form) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "customer" | "email" | "phone" | "address";
                        /** @enum {string} */
                        list: "block" | "allow";
                        reason?: string;
                        /** @description A customer id, an e-mail, a phone (a number without country code is read in the shop country) or an address */
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "customer" | "email" | "phone" | "address";
                            /** @enum {string} */
                            list: "block" | "allow";
                            reason: string | null;
                            /** @description The normal form (E.164 for a phone, lower-case e-mail) */
                            value: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a list entry */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-up tasks (回访), soonest due first, with counts for the Today page */
        get: {
            parameters: {
                query?: {
                    kind?: "exchange_callback" | "review_request" | "sku_defect_check";
                    limit?: number;
                    role?: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                    status?: "open" | "done" | "skipped";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                /** @description Done since the start of today */
                                done: number;
                                overdue: number;
                                /** @description Skipped since the start of today */
                                skipped: number;
                                today: number;
                                upcoming: number;
                            };
                            data: {
                                /** @enum {string} */
                                bucket: "overdue" | "today" | "upcoming" | "closed";
                                caseId: string | null;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "exchange_callback" | "review_request" | "sku_defect_check";
                                note: string | null;
                                role: string;
                                rule: string;
                                sku: string | null;
                                /** @enum {string} */
                                status: "open" | "done" | "skipped";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark a follow-up task done or skipped, with a note */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @enum {string} */
                        status: "done" | "skipped";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            bucket: "overdue" | "today" | "upcoming" | "closed";
                            caseId: string | null;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "exchange_callback" | "review_request" | "sku_defect_check";
                            note: string | null;
                            role: string;
                            rule: string;
                            sku: string | null;
                            /** @enum {string} */
                            status: "open" | "done" | "skipped";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/carriers/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Carriers Retour recognises by name, with the format of their tracking numbers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                code: string;
                                example: string;
                                names: string[];
                                network: string;
                                pattern: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop’s connections (credentials are never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                failures: number;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastSyncAt: string | null;
                                name: string;
                                nextSyncAt: string | null;
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description `active`, `paused`, or `error` (the last run failed; it is retried with backoff) */
                                status: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Connect a storefront, payment rail, marketplace, carrier or SMS provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Fields of this kind of connection (GET /connections/kinds lists them) */
                        credentials: {
                            [key: string]: unknown;
                        };
                        kind: string;
                        name: string;
                        /** @description Fields of this kind of connection (GET /connections/kinds lists them) */
                        settings?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastSyncAt: string | null;
                            name: string;
                            nextSyncAt: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description `active`, `paused`, or `error` (the last run failed; it is retried with backoff) */
                            status: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastSyncAt: string | null;
                            name: string;
                            nextSyncAt: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description `active`, `paused`, or `error` (the last run failed; it is retried with backoff) */
                            status: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect (its log goes too; orders and refunds it brought stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, pause or resume a connection, or replace its credentials or settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Fields of this kind of connection (GET /connections/kinds lists them) */
                        credentials?: {
                            [key: string]: unknown;
                        };
                        name?: string;
                        /** @description Fields of this kind of connection (GET /connections/kinds lists them) */
                        settings?: {
                            [key: string]: unknown;
                        };
                        status?: "active" | "paused";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastSyncAt: string | null;
                            name: string;
                            nextSyncAt: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description `active`, `paused`, or `error` (the last run failed; it is retried with backoff) */
                            status: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/connections/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connection’s log: syncs, webhooks and pushes, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                errors: {
                                    externalId: string | null;
                                    message: string;
                                }[];
                                finishedAt: string | null;
                                id: number;
                                itemsIn: number;
                                itemsOut: number;
                                /** Format: date-time */
                                startedAt: string;
                                /** @description `running`, `succeeded`, `partial` (some items failed) or `failed` */
                                status: string;
                                /** @description `sync`, `webhook` or `push` */
                                trigger: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync now: back-fill or fetch what changed, in this request (the worker also syncs on its own schedule) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection: {
                                category: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                failures: number;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastSyncAt: string | null;
                                name: string;
                                nextSyncAt: string | null;
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description `active`, `paused`, or `error` (the last run failed; it is retried with backoff) */
                                status: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            error: string | null;
                            /** @description Items that failed (see the log) */
                            errors: number;
                            /** @description Orders written */
                            itemsIn: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kinds of connection Retour has, with the JSON schema of each one’s credentials and settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string;
                                credentials: unknown;
                                kind: string;
                                settings: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coupon-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coupon pool: free, granted and expired codes per currency and value */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                currency: string;
                                expired: number;
                                free: number;
                                granted: number;
                                valueMinor: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add coupon codes to the pool: a list, or CSV text (first column, optional `code` header). Each code is handed out once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        codes?: string[];
                        csv?: string;
                        /** @description ISO 4217 code */
                        currency: string;
                        /** Format: date-time */
                        expiresAt?: string;
                        /** @description What each code is worth, minor units */
                        valueMinor: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            duplicates: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find buyers by name, e-mail, phone or order number */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                cases: number;
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                                matchedOrder: string | null;
                                name: string | null;
                                orders: number;
                                phone: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A buyer's after-sales history, return rate and risk (with its reasons) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            risk: {
                                score: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/compensations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compensation a buyer was granted, newest first, with totals per currency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Coupon or store-credit value, minor units; 0 for points */
                                amountMinor: number;
                                /** Format: uuid */
                                caseId: string;
                                couponCode: string | null;
                                couponSource: ("pool" | "generated") | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                customerId: string | null;
                                expiresAt: string | null;
                                /** @enum {string} */
                                grantedBy: "staff" | "system" | "platform";
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                note: string | null;
                                points: number;
                                rule: string | null;
                            }[];
                            totals: {
                                amountMinor: number;
                                currency: string;
                                grants: number;
                                points: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note on the buyer (staff only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notes/{noteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a note on the buyer */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    noteId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The buyer page: orders, cases with their risk over time, messages, notes and list entries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                needsReview: boolean;
                                /** Format: uuid */
                                orderId: string;
                                refundedMinor: number;
                                resolution: string | null;
                                /** @description Its explained factors then: together, the risk over time */
                                riskReasons: {
                                    code: string;
                                    en: string;
                                    points: number;
                                    "zh-CN": string;
                                }[];
                                /** @description The score the case was opened with */
                                riskScore: number;
                                rmaNumber: string;
                                status: string;
                                type: string;
                            }[];
                            /** @description Compensation granted to the buyer (issue 19.1) */
                            compensation: unknown[];
                            /** Format: uuid */
                            customerId: string;
                            /** @description Block- and allowlist entries naming this buyer (customer, e-mail or phone) */
                            lists: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "email" | "phone" | "address";
                                /** @enum {string} */
                                list: "block" | "allow";
                                reason: string | null;
                                /** @description The normal form (E.164 for a phone, lower-case e-mail) */
                                value: string;
                            }[];
                            messages: {
                                authorKind: string;
                                body: string;
                                /** Format: uuid */
                                caseId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                rmaNumber: string;
                                visibility: string;
                            }[];
                            notes: {
                                authorName: string | null;
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            orders: {
                                channel: string;
                                currency: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                number: string;
                                /** Format: date-time */
                                placedAt: string;
                                status: string;
                                totalMinor: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today: open cases by state, overdue and due within 24 h, the day's requests and refunds, the quality refund rate
         * @description The day is the shop's calendar day. The quality refund rate is the analytics measure (see GET /api/v1/analytics/quality-refund-rate and its `definition`) for the policy's window ending today.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            /** Format: date-time */
                            dayStart: string;
                            /** Format: date-time */
                            now: string;
                            open: {
                                byStatus: {
                                    count: number;
                                    dueSoon: number;
                                    overdue: number;
                                    /** @enum {string} */
                                    status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                }[];
                                dueSoon: number;
                                dueSoonHours: number;
                                overdue: number;
                                total: number;
                            };
                            qualityRefundRate: {
                                definition: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                /** @enum {string} */
                                level: "ok" | "projected_warn" | "warn" | "projected_limit" | "limit";
                                limitBp: number;
                                /**
                                 * @description The analytics measure (GET /api/v1/analytics/quality-refund-rate), its window ending today: the same figure on both pages
                                 * @enum {string}
                                 */
                                method: "rolling_window";
                                paidOrders: number;
                                qualityCases: number;
                                qualityReasons: string[];
                                /** @description null when no order was paid in the window */
                                rateBp: number | null;
                                /** @description The analytics figures are being rebuilt: they may lag behind the cases */
                                rebuildPending: boolean;
                                warnAtBp: number;
                                windowDays: number;
                                /** @description First day of the window (YYYY-MM-DD, shop time zone) */
                                windowFrom: string;
                                /** @description Last day of the window: today in the shop time zone */
                                windowTo: string;
                            };
                            timezone: string;
                            today: {
                                refunds: {
                                    amountMinor: number;
                                    count: number;
                                    currency: string;
                                }[];
                                refundsAwaitingConfirmation: number;
                                refundsFailed: number;
                                refundsPending: number;
                                requests: number;
                                requestsWaiting: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev-mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** E-mails to buyers, newest first: everything Retour would have sent when SMTP_URL is unset, and the send log when it is set */
        get: {
            parameters: {
                query?: {
                    caseId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                caseId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                html: string;
                                /** Format: uuid */
                                id: string;
                                lastError: string | null;
                                locale: string;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "sent" | "dead";
                                subject: string;
                                template: string;
                                text: string;
                                toAddress: string;
                                /** @enum {string} */
                                transport: "smtp" | "dev";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev-outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Text messages to buyers, newest first: what Retour would have sent without an SMS connection, and the send log with one */
        get: {
            parameters: {
                query?: {
                    caseId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                body: string;
                                caseId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                lastError: string | null;
                                locale: string;
                                providerMessageId: string | null;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "sent" | "delivered" | "undelivered" | "dead";
                                step: string;
                                templateCode: string | null;
                                templateParams: {
                                    [key: string]: string;
                                };
                                toPhone: string;
                                transport: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of a photo or video (staff of the shop only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import orders from a CSV file (multipart/form-data, field `file`)
         * @description Column format: docs/import-format.md. The file is parsed as it streams in. Each order is checked completely before anything of it is written; rejected orders are listed with their line numbers. Re-importing a file updates the same orders.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aborted: {
                                line: number;
                                message: string;
                            } | null;
                            durationMs: number;
                            errors: {
                                code: string;
                                line: number;
                                message: string;
                                orderId?: string;
                            }[];
                            errorsNotListed: number;
                            /** @description Order lines written */
                            lines: number;
                            orders: {
                                created: number;
                                rejected: number;
                                updated: number;
                            };
                            /** @description Data rows read */
                            rows: number;
                            stock: {
                                /** @description Variants whose stock on hand the stock_on_hand column changed */
                                updated: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which channel when a buyer has both, and the daily SMS cap */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description When an order has both an e-mail address and a phone number
                             * @enum {string}
                             */
                            channelPreference: "sms" | "email" | "both";
                            /** @description Text messages the shop may send per day (its time zone) */
                            smsDailyCap: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the channel preference or the daily SMS cap */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description When an order has both an e-mail address and a phone number
                         * @enum {string}
                         */
                        channelPreference?: "sms" | "email" | "both";
                        /** @description Text messages the shop may send per day (its time zone) */
                        smsDailyCap?: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description When an order has both an e-mail address and a phone number
                             * @enum {string}
                             */
                            channelPreference: "sms" | "email" | "both";
                            /** @description Text messages the shop may send per day (its time zone) */
                            smsDailyCap: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every step’s template per language and channel: the seller’s, or Retour’s default */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                body: string;
                                /** @enum {string} */
                                channel: "email" | "sms";
                                /** @description The seller’s own wording (false: Retour’s default) */
                                custom: boolean;
                                defaultBody?: string;
                                defaultSubject?: string | null;
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                /** @enum {string} */
                                step: "request_received" | "approved" | "ship_reminder" | "rejected" | "goods_received" | "nothing_received" | "refunded" | "offer" | "shop_message" | "exchange_shipped" | "closed_by_deadline" | "compensation_granted";
                                subject: string | null;
                                templateCode: string | null;
                                updatedAt: string | null;
                                variables: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates/{step}/{locale}/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the seller’s template of a step (422 notification.template_invalid names unknown variables, length and link problems) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "sms";
                    locale: "zh-CN" | "en";
                    step: "request_received" | "approved" | "ship_reminder" | "rejected" | "goods_received" | "nothing_received" | "refunded" | "offer" | "shop_message" | "exchange_shipped" | "closed_by_deadline" | "compensation_granted";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        subject?: string | null;
                        templateCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            /** @description The seller’s own wording (false: Retour’s default) */
                            custom: boolean;
                            defaultBody?: string;
                            defaultSubject?: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            /** @enum {string} */
                            step: "request_received" | "approved" | "ship_reminder" | "rejected" | "goods_received" | "nothing_received" | "refunded" | "offer" | "shop_message" | "exchange_shipped" | "closed_by_deadline" | "compensation_granted";
                            subject: string | null;
                            templateCode: string | null;
                            updatedAt: string | null;
                            variables: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Back to Retour’s default wording */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "sms";
                    locale: "zh-CN" | "en";
                    step: "request_received" | "approved" | "ship_reminder" | "rejected" | "goods_received" | "nothing_received" | "refunded" | "offer" | "shop_message" | "exchange_shipped" | "closed_by_deadline" | "compensation_granted";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A template filled from a real case (the latest unless caseId is given), with its problems */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** Format: uuid */
                        caseId?: string;
                        /** @enum {string} */
                        channel: "email" | "sms";
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                        /** @enum {string} */
                        step: "request_received" | "approved" | "ship_reminder" | "rejected" | "goods_received" | "nothing_received" | "refunded" | "offer" | "shop_message" | "exchange_shipped" | "closed_by_deadline" | "compensation_granted";
                        subject?: string | null;
                        templateCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            caseId: string;
                            html: string | null;
                            issues: {
                                code: string;
                                field: string;
                                message: string;
                            }[];
                            length: number;
                            params: {
                                [key: string]: string;
                            } | null;
                            rmaNumber: string;
                            segments: number | null;
                            subject: string | null;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders, newest first */
        get: {
            parameters: {
                query?: {
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    customerId?: string;
                    email?: string;
                    limit?: number;
                    number?: string;
                    phone?: string;
                    placedFrom?: string;
                    placedTo?: string;
                    status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amounts: {
                                    /** @description Integer minor units of the order currency */
                                    discountMinor: number;
                                    /** @description Integer minor units of the order currency */
                                    orderDiscountMinor: number;
                                    /** @description Integer minor units of the order currency */
                                    shippingFeeMinor: number;
                                    /** @description Integer minor units of the order currency */
                                    subtotalMinor: number;
                                    /** @description Integer minor units of the order currency */
                                    taxMinor: number;
                                    /** @description Integer minor units of the order currency */
                                    totalMinor: number;
                                };
                                cancelledAt: string | null;
                                channel: string;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                customer: {
                                    email: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                    phone: string | null;
                                } | null;
                                deliveredAt: string | null;
                                email: string | null;
                                externalId: string;
                                /** Format: uuid */
                                id: string;
                                lineCount: number;
                                locale: string;
                                number: string;
                                paidAt: string | null;
                                paymentMethod: string | null;
                                paymentRef: string | null;
                                phone: string | null;
                                /** Format: date-time */
                                placedAt: string;
                                pricesIncludeTax: boolean;
                                shippedAt: string | null;
                                shippingInsurance: boolean;
                                /** @enum {string} */
                                status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an order, or update it when (channel, externalId) is known
         * @description Lines are priced in integer minor units; the order discount is allocated over the lines by largest remainder. An update may change progress (paid, shipped, delivered, cancelled), contact and shipments, but not what was bought or paid (409 order.purchase_changed).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When it was cancelled
                         */
                        cancelledAt?: string;
                        /** @enum {string} */
                        channel: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                        currency: string;
                        customer?: {
                            country?: string;
                            /** Format: email */
                            email?: string;
                            /** @description The buyer's id on the channel */
                            externalId?: string;
                            /** @enum {string} */
                            locale?: "zh-CN" | "en";
                            name?: string;
                            phone?: string;
                        };
                        /**
                         * Format: date-time
                         * @description When it was delivered; derived from shipments when absent
                         */
                        deliveredAt?: string;
                        /**
                         * Format: email
                         * @description Contact for this order; defaults to the customer's
                         */
                        email?: string;
                        /** @description The order's id on its channel; (channel, externalId) identifies the order */
                        externalId: string;
                        lines: {
                            /** @description Variant attributes such as size and colour */
                            attributes?: {
                                [key: string]: string;
                            };
                            /** @description If given, must equal the order currency */
                            currency?: string;
                            externalId?: string;
                            /** @description Discount on this line only */
                            lineDiscountMinor?: number;
                            product?: {
                                category?: string;
                                externalId?: string;
                                title?: string;
                            };
                            quantity: number;
                            returnFlags?: {
                                /** @description Made to the buyer's order (定作): no no-reason return */
                                customMade?: boolean;
                                /** @description Digital goods: not returnable once opened */
                                digital?: boolean;
                                /** @description Sold as final sale */
                                finalSale?: boolean;
                                /** @description Hygiene goods: not returnable once unsealed */
                                hygiene?: boolean;
                                /** @description Fresh or perishable (鲜活易腐) */
                                perishable?: boolean;
                            };
                            sku: string;
                            /** @description The line's tax after discounts */
                            taxMinor?: number;
                            title: string;
                            /** @description Unit price in minor units of the order currency */
                            unitPriceMinor: number;
                        }[];
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        note?: string;
                        /** @description Number shown to the buyer; defaults to externalId */
                        number?: string;
                        /** @description Discount on the whole order, shared over lines by largest remainder */
                        orderDiscountMinor?: number;
                        /**
                         * Format: date-time
                         * @description When it was paid
                         */
                        paidAt?: string;
                        paymentMethod?: string;
                        /** @description The payment at its provider, refunded through a payment connection: Stripe PaymentIntent (pi_…) or charge (ch_…), Alipay trade_no */
                        paymentRef?: string;
                        phone?: string;
                        /**
                         * Format: date-time
                         * @description When the buyer placed the order
                         */
                        placedAt: string;
                        /** @description Default true (the norm in China and the EU) */
                        pricesIncludeTax?: boolean;
                        shipments?: {
                            carrier: string;
                            /**
                             * Format: date-time
                             * @description When the parcel arrived
                             */
                            deliveredAt?: string;
                            lines?: {
                                lineNo: number;
                                quantity: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description When the parcel left
                             */
                            shippedAt?: string;
                            /** @enum {string} */
                            status?: "pending" | "shipped" | "delivered" | "returned" | "lost";
                            trackingNumber: string;
                        }[];
                        /**
                         * Format: date-time
                         * @description When it shipped; derived from shipments when absent
                         */
                        shippedAt?: string;
                        shippingAddress?: {
                            city?: string;
                            country?: string;
                            district?: string;
                            line1?: string;
                            line2?: string;
                            name?: string;
                            phone?: string;
                            postalCode?: string;
                            province?: string;
                        };
                        /** @description Shipping the buyer paid */
                        shippingFeeMinor?: number;
                        /** @description 运费险: return shipping insured */
                        shippingInsurance?: boolean;
                        /** @description Order tax; shared over lines when lines carry none, else must equal their sum */
                        taxMinor?: number;
                        /** @description What the buyer paid; checked against the computed total when given */
                        totalMinor?: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amounts: {
                                /** @description Integer minor units of the order currency */
                                discountMinor: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountMinor: number;
                                /** @description Integer minor units of the order currency */
                                shippingFeeMinor: number;
                                /** @description Integer minor units of the order currency */
                                subtotalMinor: number;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                /** @description Integer minor units of the order currency */
                                totalMinor: number;
                            };
                            cancelledAt: string | null;
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            customer: {
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            deliveredAt: string | null;
                            email: string | null;
                            externalId: string;
                            /** Format: uuid */
                            id: string;
                            lines: {
                                externalId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Integer minor units of the order currency */
                                lineDiscountMinor: number;
                                lineNo: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountShareMinor: number;
                                /** @description What the buyer paid for the line; the most ever refundable */
                                paidMinor: number;
                                quantity: number;
                                sku: string;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                title: string;
                                /** @description Integer minor units of the order currency */
                                unitPriceMinor: number;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                            locale: string;
                            note: string | null;
                            number: string;
                            paidAt: string | null;
                            paymentMethod: string | null;
                            paymentRef: string | null;
                            phone: string | null;
                            /** Format: date-time */
                            placedAt: string;
                            pricesIncludeTax: boolean;
                            shipments: {
                                carrier: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                lines: {
                                    lineNo: number;
                                    quantity: number;
                                }[];
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "shipped" | "delivered" | "returned" | "lost";
                                trackingNumber: string;
                            }[];
                            shippedAt: string | null;
                            shippingAddress: {
                                city?: string;
                                country?: string;
                                district?: string;
                                line1?: string;
                                line2?: string;
                                name?: string;
                                phone?: string;
                                postalCode?: string;
                                province?: string;
                            } | null;
                            shippingInsurance: boolean;
                            /** @enum {string} */
                            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amounts: {
                                /** @description Integer minor units of the order currency */
                                discountMinor: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountMinor: number;
                                /** @description Integer minor units of the order currency */
                                shippingFeeMinor: number;
                                /** @description Integer minor units of the order currency */
                                subtotalMinor: number;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                /** @description Integer minor units of the order currency */
                                totalMinor: number;
                            };
                            cancelledAt: string | null;
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            customer: {
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            deliveredAt: string | null;
                            email: string | null;
                            externalId: string;
                            /** Format: uuid */
                            id: string;
                            lines: {
                                externalId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Integer minor units of the order currency */
                                lineDiscountMinor: number;
                                lineNo: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountShareMinor: number;
                                /** @description What the buyer paid for the line; the most ever refundable */
                                paidMinor: number;
                                quantity: number;
                                sku: string;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                title: string;
                                /** @description Integer minor units of the order currency */
                                unitPriceMinor: number;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                            locale: string;
                            note: string | null;
                            number: string;
                            paidAt: string | null;
                            paymentMethod: string | null;
                            paymentRef: string | null;
                            phone: string | null;
                            /** Format: date-time */
                            placedAt: string;
                            pricesIncludeTax: boolean;
                            shipments: {
                                carrier: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                lines: {
                                    lineNo: number;
                                    quantity: number;
                                }[];
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "shipped" | "delivered" | "returned" | "lost";
                                trackingNumber: string;
                            }[];
                            shippedAt: string | null;
                            shippingAddress: {
                                city?: string;
                                country?: string;
                                district?: string;
                                line1?: string;
                                line2?: string;
                                name?: string;
                                phone?: string;
                                postalCode?: string;
                                province?: string;
                            } | null;
                            shippingInsurance: boolean;
                            /** @enum {string} */
                            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amounts: {
                                /** @description Integer minor units of the order currency */
                                discountMinor: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountMinor: number;
                                /** @description Integer minor units of the order currency */
                                shippingFeeMinor: number;
                                /** @description Integer minor units of the order currency */
                                subtotalMinor: number;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                /** @description Integer minor units of the order currency */
                                totalMinor: number;
                            };
                            cancelledAt: string | null;
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            customer: {
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            deliveredAt: string | null;
                            email: string | null;
                            externalId: string;
                            /** Format: uuid */
                            id: string;
                            lines: {
                                externalId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Integer minor units of the order currency */
                                lineDiscountMinor: number;
                                lineNo: number;
                                /** @description Integer minor units of the order currency */
                                orderDiscountShareMinor: number;
                                /** @description What the buyer paid for the line; the most ever refundable */
                                paidMinor: number;
                                quantity: number;
                                sku: string;
                                /** @description Integer minor units of the order currency */
                                taxMinor: number;
                                title: string;
                                /** @description Integer minor units of the order currency */
                                unitPriceMinor: number;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                            locale: string;
                            note: string | null;
                            number: string;
                            paidAt: string | null;
                            paymentMethod: string | null;
                            paymentRef: string | null;
                            phone: string | null;
                            /** Format: date-time */
                            placedAt: string;
                            pricesIncludeTax: boolean;
                            shipments: {
                                carrier: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                lines: {
                                    lineNo: number;
                                    quantity: number;
                                }[];
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "shipped" | "delivered" | "returned" | "lost";
                                trackingNumber: string;
                            }[];
                            shippedAt: string | null;
                            shippingAddress: {
                                city?: string;
                                country?: string;
                                district?: string;
                                line1?: string;
                                line2?: string;
                                name?: string;
                                phone?: string;
                                postalCode?: string;
                                province?: string;
                            } | null;
                            shippingInsurance: boolean;
                            /** @enum {string} */
                            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the policy says about each line today: returnable until when, or why not (zh-CN and en) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                [key: string]: unknown;
                            }[];
                            /** Format: uuid */
                            orderId: string;
                            policyVersion: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a parcel to an order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        /**
                         * Format: date-time
                         * @description When the parcel arrived
                         */
                        deliveredAt?: string;
                        lines?: {
                            lineNo: number;
                            quantity: number;
                        }[];
                        /**
                         * Format: date-time
                         * @description When the parcel left
                         */
                        shippedAt?: string;
                        /** @enum {string} */
                        status?: "pending" | "shipped" | "delivered" | "returned" | "lost";
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: uuid */
                            id: string;
                            lines: {
                                lineNo: number;
                                quantity: number;
                            }[];
                            shippedAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "shipped" | "delivered" | "returned" | "lost";
                            trackingNumber: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/shipments/{shipmentId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a carrier event (shipped, delivered, returned to sender, lost); repeats are harmless */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    shipmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at?: string;
                        /** @enum {string} */
                        type: "shipped" | "delivered" | "returned" | "lost";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: uuid */
                            id: string;
                            lines: {
                                lineNo: number;
                                quantity: number;
                            }[];
                            shippedAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "shipped" | "delivered" | "returned" | "lost";
                            trackingNumber: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The policy document (see PolicyDocument) */
                            document: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        /**
         * Save a new policy version (earlier versions stay; cases keep the one they were judged under)
         * @description The document is validated against its schema and for coherence; 422 policy.invalid names the path of each problem.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A PolicyDocument */
                        document: unknown;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The policy document (see PolicyDocument) */
                            document: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of a policy document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-judge past cases under a draft and report what would change (nothing is saved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 90 */
                        days?: number;
                        document: unknown;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evaluated: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The policy document (see PolicyDocument) */
                                document: {
                                    [key: string]: unknown;
                                };
                                /** Format: uuid */
                                id: string;
                                note: string | null;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The work queue: cases with their next deadline, filtered, sorted and paged (with the total)
         * @description Open cases unless `scope=all` or `status` says otherwise. A case's deadline is the worker's pending deadline when it has one, else its policy's clock applied to the time it entered its state (`source: policy`). `now` is the server's time: count down from it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description true: only cases with a manual refund not yet confirmed paid, whatever their state; false: none of them */
                    awaitingPayout?: boolean;
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    createdFrom?: string;
                    customerId?: string;
                    /** @description Only cases due between now and now + hours */
                    dueWithinHours?: number;
                    needsReview?: boolean;
                    order?: "asc" | "desc";
                    /** @description true: only cases past their deadline; false: none of them */
                    overdue?: boolean;
                    page?: number;
                    pageSize?: number;
                    /** @description RMA number, order number, e-mail, phone or return tracking number */
                    q?: string;
                    reason?: string;
                    /** @description true: only cases whose returned parcel a carrier delivered to the shop, waiting to be received */
                    receiptReady?: boolean;
                    riskMax?: number;
                    riskMin?: number;
                    scope?: "open" | "all";
                    sku?: string;
                    sort?: "deadline" | "createdAt" | "risk" | "refund" | "rma";
                    /** @description One or more (repeat the parameter) */
                    status?: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed")[];
                    type?: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                awaitingPayout: {
                                    amountMinor: number;
                                    /** Format: date-time */
                                    since: string;
                                } | null;
                                channel: string;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                customerId: string | null;
                                customerName: string | null;
                                deadline: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    kind: string | null;
                                    /**
                                     * @description scheduled: the worker's deadline; policy: estimated from the case's policy
                                     * @enum {string}
                                     */
                                    source: "scheduled" | "policy";
                                } | null;
                                groupCode: string | null;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    quantity: number;
                                    reasonCode: string;
                                    sku: string;
                                    title: string;
                                }[];
                                needsReview: boolean;
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                receiptReadyAt: string | null;
                                refundedMinor: number;
                                refundMethod: string;
                                refundMinor: number;
                                refundOnlyKind: string | null;
                                riskScore: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** Format: date-time */
                            now: string;
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a manual refund was paid outside Retour */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The payment reference */
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            status: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop’s return addresses (退货地址), the default first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                isDefault: boolean;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                warehouse: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a return address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addressLatin?: string | null;
                        addressZh?: string | null;
                        /** @description Make it the default (preselected on approval); the first address always is */
                        isDefault?: boolean;
                        /** @description Recipient (收件人): a person or a department */
                        name: string;
                        /** @description Phone of the recipient */
                        phone: string;
                        postalCode?: string | null;
                        warehouse?: string | null;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addressLatin: string | null;
                            addressZh: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            isDefault: boolean;
                            name: string;
                            phone: string;
                            postalCode: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            warehouse: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a return address (the default passes to the oldest one left) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a return address (cases approved with it keep the address they were given) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addressLatin?: string | null;
                        addressZh?: string | null;
                        /** @description Make it the default (preselected on approval); the first address always is */
                        isDefault?: boolean;
                        /** @description Recipient (收件人): a person or a department */
                        name?: string;
                        /** @description Phone of the recipient */
                        phone?: string;
                        postalCode?: string | null;
                        warehouse?: string | null;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addressLatin: string | null;
                            addressZh: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            isDefault: boolean;
                            name: string;
                            phone: string;
                            postalCode: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            warehouse: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/return-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One return across several orders: one parcel, one code, one case per order
         * @description All or nothing: every order must be this shop’s, of one buyer, and eligible (422 case.not_eligible, 409 case.quantity_exceeds_returnable, 422 group.several_buyers, 422 group.duplicate_order).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @description Two or more orders of this shop, each with the items coming back */
                        orders: {
                            items: {
                                /**
                                 * @description As the buyer declares it; default unopened
                                 * @enum {string}
                                 */
                                condition?: "unopened" | "opened" | "used" | "damaged";
                                /**
                                 * Format: uuid
                                 * @description The order line
                                 */
                                lineId: string;
                                note?: string;
                                quantity: number;
                                /** @description A code from the policy's reasons catalogue */
                                reasonCode: string;
                                /** @description Exchanged items: a variant of the same product, the same variant included (default: the same variant, e.g. a defective item replaced) */
                                replacementSku?: string;
                                /**
                                 * @description Exchange cases: `exchange` (default) replaces this item, `refund` refunds it like a return, so one case can do both. Other case types refund every item.
                                 * @enum {string}
                                 */
                                resolution?: "refund" | "exchange";
                            }[];
                            /** Format: uuid */
                            orderId: string;
                        }[];
                        /** @enum {string} */
                        refundMethod?: "original" | "store_credit";
                        /**
                         * @description One parcel for every case; default self_ship
                         * @enum {string}
                         */
                        returnMethod?: "pickup" | "drop_off" | "self_ship";
                        /**
                         * @description Every case of the group; default return_refund
                         * @enum {string}
                         */
                        type?: "return_refund" | "exchange";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-groups/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A return group by id or code (the warehouse scans the code): all its cases and items */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s id or code */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-groups/{ref}/actions/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Group action: approve on every case of the group, in one transaction
         * @description Every case must allow it (409 case.invalid_transition, 403 case.action_forbidden), else nothing changes. inspect takes the items of all cases.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s id or code */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A lower refund than computed (amended approval) */
                        amountMinor?: number;
                        note?: string;
                        /** Format: uuid */
                        returnAddressId?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-groups/{ref}/actions/buyer_shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Group action: buyer_shipped on every case of the group, in one transaction
         * @description Every case must allow it (409 case.invalid_transition, 403 case.action_forbidden), else nothing changes. inspect takes the items of all cases.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s id or code */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-groups/{ref}/actions/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Group action: inspect on every case of the group, in one transaction
         * @description Every case must allow it (409 case.invalid_transition, 403 case.action_forbidden), else nothing changes. inspect takes the items of all cases.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s id or code */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required (true) to restock an item graded C or D */
                        confirmRestockBelowB?: boolean;
                        evidenceIds?: string[];
                        items: {
                            acceptedQuantity: number;
                            defectiveQuantity?: number;
                            /**
                             * @description Default: from the grade and the claim (a defect claim is never restocked; C refurbish, D scrap or back to the vendor)
                             * @enum {string}
                             */
                            disposition?: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                            /**
                             * @description A as new, B opened, C used, D damaged
                             * @enum {string}
                             */
                            grade: "A" | "B" | "C" | "D";
                            /** Format: uuid */
                            itemId: string;
                            note?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-groups/{ref}/actions/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Group action: receive on every case of the group, in one transaction
         * @description Every case must allow it (409 case.invalid_transition, 403 case.action_forbidden), else nothing changes. inspect takes the items of all cases.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s id or code */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases, newest first */
        get: {
            parameters: {
                query?: {
                    channel?: "web" | "taobao" | "tmall" | "pdd" | "jd" | "douyin" | "shopify" | "woocommerce" | "amazon" | "manual" | "other";
                    createdFrom?: string;
                    createdTo?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    customerId?: string;
                    limit?: number;
                    needsReview?: boolean;
                    orderId?: string;
                    /** @description Only cases whose current deadline has run out */
                    overdue?: boolean;
                    /** @description RMA number, order number, e-mail, phone or tracking number */
                    q?: string;
                    reason?: string;
                    sku?: string;
                    /** @description One or more (repeat the parameter) */
                    status?: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed")[];
                    type?: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                orderId: string;
                                /** @description Refunded so far */
                                refundedMinor: number;
                                /** @description The refund as last computed */
                                refundMinor: number;
                                riskScore: number;
                                /** @description Readable per-shop number, e.g. R2611220001 */
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            } & {
                                [key: string]: unknown;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Open an after-sales case (on behalf of a buyer)
         * @description Judged by the policy the order falls under. 422 case.not_eligible explains a refusal per item; 409 case.quantity_exceeds_returnable when other cases hold the units.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description As the buyer declares it; default unopened
                             * @enum {string}
                             */
                            condition?: "unopened" | "opened" | "used" | "damaged";
                            /**
                             * Format: uuid
                             * @description The order line
                             */
                            lineId: string;
                            note?: string;
                            quantity: number;
                            /** @description A code from the policy's reasons catalogue */
                            reasonCode: string;
                            /** @description Exchanged items: a variant of the same product, the same variant included (default: the same variant, e.g. a defective item replaced) */
                            replacementSku?: string;
                            /**
                             * @description Exchange cases: `exchange` (default) replaces this item, `refund` refunds it like a return, so one case can do both. Other case types refund every item.
                             * @enum {string}
                             */
                            resolution?: "refund" | "exchange";
                        }[];
                        note?: string;
                        /** Format: uuid */
                        orderId: string;
                        /** @description Open the case although the policy refuses it (needs cases:decide); recorded in the timeline */
                        overridePolicy?: boolean;
                        /** @enum {string} */
                        refundMethod?: "original" | "store_credit";
                        /**
                         * @description Derived from the order when absent
                         * @enum {string}
                         */
                        refundOnlyKind?: "not_shipped" | "in_transit" | "delivered_keep";
                        /** @description Partial refunds: the amount the buyer asks for (at most the computed refund) */
                        requestedAmountMinor?: number;
                        /** @enum {string} */
                        returnMethod?: "pickup" | "drop_off" | "self_ship" | "none";
                        /** @description Return shipping the buyer paid and asks back (seller fault) */
                        returnShippingClaimMinor?: number;
                        /** @enum {string} */
                        type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its order, items, money, timeline, messages and allowed actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/accept_offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: accept_offer
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: approve
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A lower refund than computed (amended approval) */
                        amountMinor?: number;
                        note?: string;
                        /** Format: uuid */
                        returnAddressId?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/buyer_shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: buyer_shipped
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: cancel
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: close
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: complete
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/confirm_payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: confirm_payment
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the buyer paid toward the top-up (at most what is still due) */
                        amountMinor: number;
                        note?: string;
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/decline_offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: decline_offer
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: escalate
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: exchange
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/fast_refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: fast_refund
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description reason: required when the policy refuses this buyer a fast refund (risk above its limit); recorded in the event */
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/goods_not_returned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: goods_not_returned
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: inspect
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required (true) to restock an item graded C or D */
                        confirmRestockBelowB?: boolean;
                        evidenceIds?: string[];
                        items: {
                            acceptedQuantity: number;
                            defectiveQuantity?: number;
                            /**
                             * @description Default: from the grade and the claim (a defect claim is never restocked; C refurbish, D scrap or back to the vendor)
                             * @enum {string}
                             */
                            disposition?: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                            /**
                             * @description A as new, B opened, C used, D damaged
                             * @enum {string}
                             */
                            grade: "A" | "B" | "C" | "D";
                            /** Format: uuid */
                            itemId: string;
                            note?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/intercepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: intercepted
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: message
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        evidenceIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: note
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/offer_partial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: offer_partial
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The part of the refund offered; the buyer keeps the goods */
                        amountMinor: number;
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/provide_evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: provide_evidence
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Evidence uploaded to the case (POST …/evidence) */
                        evidenceIds: string[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: receive
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items?: {
                            /** Format: uuid */
                            itemId: string;
                            receivedQuantity: number;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: refund
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A lower refund than computed */
                        amountMinor?: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: reject
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @enum {string} */
                        reasonCode: "outside_window" | "excluded_item" | "not_as_declared" | "used_or_damaged" | "missing_evidence" | "not_received_back" | "duplicate_request" | "other";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/request_evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: request_evidence
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Hours the buyer has (default: the policy's buyerRisk.evidenceDeadlineHours) */
                        dueInHours?: number;
                        /** @description What the buyer is asked to show */
                        kinds: ("label_photo" | "unboxing_video" | "product_photo" | "defect_video" | "packaging_photo" | "receipt")[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: resolve
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Refund the arbiter set */
                        amountMinor?: number;
                        note: string;
                        /** @enum {string} */
                        outcome: "refund" | "return" | "reject";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/revise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: revise
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/actions/ship_replacement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case action: ship_replacement
         * @description Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            /** @description Refund breakdown: items, tax, fees, shipping, bounds, store credit */
                            breakdown: {
                                [key: string]: unknown;
                            };
                            /** @description Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments) */
                            buyerOwesMinor: number;
                            /** @description Exchanges: the top-up payments staff confirmed */
                            buyerPaidMinor: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Clocks on the case, oldest first; the pending one is the next deadline */
                            deadlines: ({
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate or refund_after_receipt */
                                kind: string;
                                /** @description What the system does when it runs out (an action, or alert) */
                                outcome: string;
                                /** @enum {string} */
                                status: "pending" | "applied" | "cancelled" | "failed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            id: string;
                            items: ({
                                /** @description Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked) */
                                defaultDispositions?: {
                                    [key: string]: "restock" | "refurbish" | "scrap" | "return_to_vendor";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                /**
                                 * @description Refunded, or replaced (exchange cases may mix both)
                                 * @enum {string}
                                 */
                                resolution: "refund" | "exchange";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** Format: uuid */
                            orderId: string;
                            /** @description Refunded so far */
                            refundedMinor: number;
                            /** @description The refund as last computed */
                            refundMinor: number;
                            riskScore: number;
                            /** @description Readable per-shop number, e.g. R2611220001 */
                            rmaNumber: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: ({
                                /** Format: date-time */
                                at: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/carrier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s parcels (return, intercepted outbound) and every carrier scan, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                carrier: string;
                                code: string;
                                description: string;
                                effects: string[];
                                /** Format: uuid */
                                id: string;
                                location: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                                /** Format: uuid */
                                shipmentId: string;
                                status: string;
                                trackingNumber: string;
                            }[];
                            parcels: {
                                carrier: string;
                                carrierCode: string | null;
                                connectionId: string | null;
                                deliveredAt: string | null;
                                /** @description `return` (goods coming back), `replacement`, or `outbound` (the order’s parcel being intercepted) */
                                direction: string;
                                dropOffCode: string | null;
                                /** Format: uuid */
                                id: string;
                                interception: string | null;
                                labelUrl: string | null;
                                pickup: {
                                    address: {
                                        [key: string]: unknown;
                                    };
                                    /** @description The carrier’s own code for that status */
                                    code?: string;
                                    confirmation: string | null;
                                    courier?: {
                                        name: string | null;
                                        phone: string | null;
                                    } | null;
                                    /**
                                     * @description Where the booked pickup stands, as the carrier’s pickup-order callbacks report it (Kuaidi100 商家寄件)
                                     * @enum {string}
                                     */
                                    status?: "submitted" | "accepted" | "courier_assigned" | "picked_up" | "cancelled" | "failed";
                                    updatedAt?: string;
                                    windowEnd: string;
                                    windowStart: string;
                                } | null;
                                receiptReadyAt: string | null;
                                shippedAt: string | null;
                                status: string;
                                trackingAt: string | null;
                                trackingNumber: string;
                                trackingStatus: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/carrier/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book a courier pickup, a drop-off code or a return label through a connected carrier (Kuaidi100, EasyPost) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: {
                            city?: string;
                            country?: string;
                            /** @description The full street address on one line */
                            line: string;
                            name: string;
                            phone: string;
                            postalCode?: string;
                            province?: string;
                        };
                        /** @description Kuaidi100 company code or EasyPost carrier (default: the connection’s) */
                        carrierCode?: string;
                        /** Format: uuid */
                        connectionId?: string;
                        /**
                         * @description pickup: a courier collects in the window; drop_off: a code the station scans; label: a printable prepaid label
                         * @enum {string}
                         */
                        method: "pickup" | "drop_off" | "label";
                        weightGrams?: number;
                        /** Format: date-time */
                        windowEnd?: string;
                        /** Format: date-time */
                        windowStart?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            carrier: string;
                            carrierCode: string | null;
                            connectionId: string | null;
                            deliveredAt: string | null;
                            /** @description `return` (goods coming back), `replacement`, or `outbound` (the order’s parcel being intercepted) */
                            direction: string;
                            dropOffCode: string | null;
                            /** Format: uuid */
                            id: string;
                            interception: string | null;
                            labelUrl: string | null;
                            pickup: {
                                address: {
                                    [key: string]: unknown;
                                };
                                /** @description The carrier’s own code for that status */
                                code?: string;
                                confirmation: string | null;
                                courier?: {
                                    name: string | null;
                                    phone: string | null;
                                } | null;
                                /**
                                 * @description Where the booked pickup stands, as the carrier’s pickup-order callbacks report it (Kuaidi100 商家寄件)
                                 * @enum {string}
                                 */
                                status?: "submitted" | "accepted" | "courier_assigned" | "picked_up" | "cancelled" | "failed";
                                updatedAt?: string;
                                windowEnd: string;
                                windowStart: string;
                            } | null;
                            receiptReadyAt: string | null;
                            shippedAt: string | null;
                            status: string;
                            trackingAt: string | null;
                            trackingNumber: string;
                            trackingStatus: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/carrier/interception": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the carrier to intercept the order’s parcel (拦截) of an approved refund-only case; its scans then decide the outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        connectionId?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            carrier: string;
                            carrierCode: string | null;
                            connectionId: string | null;
                            deliveredAt: string | null;
                            /** @description `return` (goods coming back), `replacement`, or `outbound` (the order’s parcel being intercepted) */
                            direction: string;
                            dropOffCode: string | null;
                            /** Format: uuid */
                            id: string;
                            interception: string | null;
                            labelUrl: string | null;
                            pickup: {
                                address: {
                                    [key: string]: unknown;
                                };
                                /** @description The carrier’s own code for that status */
                                code?: string;
                                confirmation: string | null;
                                courier?: {
                                    name: string | null;
                                    phone: string | null;
                                } | null;
                                /**
                                 * @description Where the booked pickup stands, as the carrier’s pickup-order callbacks report it (Kuaidi100 商家寄件)
                                 * @enum {string}
                                 */
                                status?: "submitted" | "accepted" | "courier_assigned" | "picked_up" | "cancelled" | "failed";
                                updatedAt?: string;
                                windowEnd: string;
                                windowStart: string;
                            } | null;
                            receiptReadyAt: string | null;
                            shippedAt: string | null;
                            status: string;
                            trackingAt: string | null;
                            trackingNumber: string;
                            trackingStatus: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/carrier/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the carriers now (real-time query) for the case’s parcels and apply new scans */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scansIn: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/compensations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compensation granted on a case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Coupon or store-credit value, minor units; 0 for points */
                                amountMinor: number;
                                /** Format: uuid */
                                caseId: string;
                                couponCode: string | null;
                                couponSource: ("pool" | "generated") | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                customerId: string | null;
                                expiresAt: string | null;
                                /** @enum {string} */
                                grantedBy: "staff" | "system" | "platform";
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                note: string | null;
                                points: number;
                                rule: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Grant the buyer compensation (coupon, store credit or points) within the policy caps, and mail it to them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Coupon or store-credit value in minor units of the case currency */
                        amountMinor?: number;
                        /**
                         * @description pool (default): a code the shop uploaded; generated: Retour makes one
                         * @enum {string}
                         */
                        couponSource?: "pool" | "generated";
                        /**
                         * Format: date-time
                         * @description Generated coupons: when the code stops being valid
                         */
                        expiresAt?: string;
                        /** @enum {string} */
                        kind: "coupon" | "store_credit" | "points";
                        /** @description Internal note (not shown to the buyer) */
                        note?: string;
                        points?: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Coupon or store-credit value, minor units; 0 for points */
                            amountMinor: number;
                            /** Format: uuid */
                            caseId: string;
                            couponCode: string | null;
                            couponSource: ("pool" | "generated") | null;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            customerId: string | null;
                            expiresAt: string | null;
                            /** @enum {string} */
                            grantedBy: "staff" | "system" | "platform";
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "coupon" | "store_credit" | "points";
                            note: string | null;
                            points: number;
                            rule: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a photo or video (multipart/form-data: file, and optionally purpose and itemId before it)
         * @description The type is read from the bytes, not the name. Size limit: UPLOAD_LIMIT. Stored by SHA-256; the same file twice is one piece of evidence.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mime: string;
                            purpose: string;
                            sha256: string;
                            sizeBytes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/marketplace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketplace after-sales record a case came from (platform, status, deadline), or null */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            link: {
                                confidence: string | null;
                                /** Format: uuid */
                                connectionId: string;
                                connectionName: string | null;
                                deadlineAt: string | null;
                                deadlineRule: string | null;
                                /** @description The platform’s after-sales id */
                                externalId: string;
                                orderExternalId: string;
                                /** @description `taobao`, `pinduoduo`, `jd` or `douyin` */
                                platform: string;
                                platformDeadlineAt: string | null;
                                platformModifiedAt: string | null;
                                /** @description The platform’s status code as last pulled */
                                platformStatus: string;
                                platformStatusMeaning: string | null;
                                platformType: string;
                                pushError: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The full financial outcome of a would-be case, creating nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description As the buyer declares it; default unopened
                             * @enum {string}
                             */
                            condition?: "unopened" | "opened" | "used" | "damaged";
                            /**
                             * Format: uuid
                             * @description The order line
                             */
                            lineId: string;
                            note?: string;
                            quantity: number;
                            /** @description A code from the policy's reasons catalogue */
                            reasonCode: string;
                            /** @description Exchanged items: a variant of the same product, the same variant included (default: the same variant, e.g. a defective item replaced) */
                            replacementSku?: string;
                            /**
                             * @description Exchange cases: `exchange` (default) replaces this item, `refund` refunds it like a return, so one case can do both. Other case types refund every item.
                             * @enum {string}
                             */
                            resolution?: "refund" | "exchange";
                        }[];
                        note?: string;
                        /** Format: uuid */
                        orderId: string;
                        /** @enum {string} */
                        refundMethod?: "original" | "store_credit";
                        /**
                         * @description Derived from the order when absent
                         * @enum {string}
                         */
                        refundOnlyKind?: "not_shipped" | "in_transit" | "delivered_keep";
                        /** @description Partial refunds: the amount the buyer asks for (at most the computed refund) */
                        requestedAmountMinor?: number;
                        /** @enum {string} */
                        returnMethod?: "pickup" | "drop_off" | "self_ship" | "none";
                        /** @description Return shipping the buyer paid and asks back (seller fault) */
                        returnShippingClaimMinor?: number;
                        /** @enum {string} */
                        type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eligible: boolean;
                            refund: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/simulation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many cases of the last days a review threshold would have sent to review (scored with the current signals) */
        get: {
            parameters: {
                query?: {
                    days?: number;
                    /** @description Default: the policy's automation.manualReviewAboveRisk */
                    threshold?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blocked: number;
                            cases: number;
                            /** @description The policy's automation.manualReviewAboveRisk */
                            currentThreshold: number;
                            curve: {
                                threshold: number;
                                wouldReview: number;
                            }[];
                            days: number;
                            factors: {
                                cases: number;
                                code: string;
                            }[];
                            /** Format: date-time */
                            from: string;
                            /** @description Cases per score bucket 0–9, 10–19, …, 90–100 */
                            histogram: number[];
                            threshold: number;
                            /** Format: date-time */
                            to: string;
                            /** @description Cases that did wait for review when opened */
                            wereReviewed: number;
                            /** @description Cases whose score is above the threshold, or whose buyer is blocklisted */
                            wouldReview: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            currencies: string[];
                            currency: string;
                            defaultLocale: string;
                            /** Format: uuid */
                            id: string;
                            locales: string[];
                            logoUrl: string | null;
                            name: string;
                            /** @enum {string} */
                            refundProvider: "manual" | "simulated";
                            /** @description Per sales channel, where its refunds go; channels not listed use refundProvider */
                            refundProviders: {
                                [key: string]: {
                                    connectionId: string | null;
                                    provider: string;
                                };
                            };
                            slug: string;
                            timezone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currencies?: string[];
                        currency?: string;
                        defaultLocale?: "zh-CN" | "en";
                        locales?: ("zh-CN" | "en")[];
                        logoUrl?: string | null;
                        name?: string;
                        /**
                         * @description How money goes back: manual (confirmed by staff) or simulated (demos, tests)
                         * @enum {string}
                         */
                        refundProvider?: "manual" | "simulated";
                        /** @description Per sales channel: manual, simulated, or the id of a payment connection (Stripe, Alipay). Marketplace channels stay manual. Replaces the routes whole */
                        refundProviders?: {
                            [key: string]: ("manual" | "simulated") | string;
                        };
                        simulatedProvider?: {
                            failFirstAttempts: number;
                            failureRate: number;
                            latencyMs: number;
                        };
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            currencies: string[];
                            currency: string;
                            defaultLocale: string;
                            /** Format: uuid */
                            id: string;
                            locales: string[];
                            logoUrl: string | null;
                            name: string;
                            /** @enum {string} */
                            refundProvider: "manual" | "simulated";
                            /** @description Per sales channel, where its refunds go; channels not listed use refundProvider */
                            refundProviders: {
                                [key: string]: {
                                    connectionId: string | null;
                                    provider: string;
                                };
                            };
                            slug: string;
                            timezone: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                lastLoginAt: string | null;
                                locale: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        locale?: "zh-CN" | "en";
                        name: string;
                        password: string;
                        /** @enum {string} */
                        role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            lastLoginAt: string | null;
                            locale: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        locale?: "zh-CN" | "en";
                        name?: string;
                        password?: string;
                        /** @enum {string} */
                        role?: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            lastLoginAt: string | null;
                            locale: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "manager" | "agent" | "warehouse" | "viewer";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue’s variants (SKUs) with their stock on hand, in SKU order */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description One SKU, exactly */
                    sku?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attributes: {
                                    [key: string]: string;
                                };
                                currency: string | null;
                                /** Format: uuid */
                                id: string;
                                priceMinor: number | null;
                                /** Format: uuid */
                                productId: string;
                                returnFlags: {
                                    customMade: boolean;
                                    digital: boolean;
                                    finalSale: boolean;
                                    hygiene: boolean;
                                    perishable: boolean;
                                };
                                sku: string;
                                /** @description Units in stock: exchanges ship replacements from it */
                                stockOnHand: number;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/variants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a variant’s stock on hand (a count); the change is recorded as an inventory movement `adjustment` */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (stock count, delivery from the supplier, …) */
                        note?: string;
                        /** @description Units now in stock */
                        stockOnHand: number;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: string;
                            };
                            currency: string | null;
                            /** Format: uuid */
                            id: string;
                            priceMinor: number | null;
                            /** Format: uuid */
                            productId: string;
                            returnFlags: {
                                customMade: boolean;
                                digital: boolean;
                                finalSale: boolean;
                                hygiene: boolean;
                                perishable: boolean;
                            };
                            sku: string;
                            /** @description Units in stock: exchanges ship replacements from it */
                            stockOnHand: number;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/variants/{id}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A variant’s stock movements, newest first (restocked returns, replacements shipped, adjustments) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                actor: {
                                    id: string | null;
                                    kind: string;
                                } | null;
                                caseId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                note: string | null;
                                /** @description Units added (positive) or taken (negative) */
                                quantity: number;
                                reason: "return_restock" | "replacement_shipped" | "adjustment";
                                returnItemId: string | null;
                                source: string | null;
                                stockAfter: number | null;
                            }[];
                            nextCursor: string | null;
                            stockOnHand: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one delivery again now, with the same webhook-id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            /** Format: uuid */
                            endpointId: string;
                            eventType: string;
                            /** @description Also the webhook-id header: the same on every retry and replay */
                            id: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                description: string | null;
                                disabledReason: string | null;
                                enabled: boolean;
                                eventTypes: string[];
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                updatedAt: string;
                                url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add an endpoint; the reply holds its signing secret, shown only this once
         * @description URLs must be http(s), without credentials, and not on private or loopback addresses (422 webhook.url_not_allowed) unless WEBHOOK_ALLOWED_HOSTS names the host.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description Event types, or ["*"] for all: return.created, return.status_changed, return.message, return.refunded, refund.failed, deadline.applied, deadline.overdue, analytics.quality_refund_rate, return.compensation_granted */
                        eventTypes: string[];
                        /** @description Your own signing secret: whsec_ and 24–64 random bytes in base64 (generated when absent) */
                        secret?: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        } & {
                            /** @description The signing secret (whsec_…): shown this once */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an endpoint; enabling it again clears why it was disabled; rotateSecret returns a new secret once */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description Event types, or ["*"] for all: return.created, return.status_changed, return.message, return.refunded, refund.failed, deadline.applied, deadline.overdue, analytics.quality_refund_rate, return.compensation_granted */
                        eventTypes?: string[];
                        rotateSecret?: boolean;
                        /** @description Your own signing secret: whsec_ and 24–64 random bytes in base64 (generated when absent) */
                        secret?: string;
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        } & {
                            secret?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's delivery log, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    eventType?: string;
                    limit?: number;
                    status?: "pending" | "delivered" | "dead";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                /** Format: date-time */
                                createdAt: string;
                                deliveredAt: string | null;
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                                /** @description Also the webhook-id header: the same on every retry and replay */
                                id: string;
                                lastAttemptAt: string | null;
                                lastError: string | null;
                                lastStatusCode: number | null;
                                nextAttemptAt: string | null;
                                payload: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "pending" | "delivered" | "dead";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every event since a time that the endpoint takes (including events from before it subscribed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type an endpoint can take (docs/webhooks.md) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the database did not answer (database_unreachable) */
                            error?: string;
                            /** @description The migrations not applied yet (migrations_pending) */
                            pendingMigrations?: string[];
                            /** @description `ok` (/healthz); `ready`, `shutting_down`, `migrations_pending` or `database_unreachable` (/readyz) */
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/easypost/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** EasyPost tracker.updated events for an EasyPost connection, verified with X-Hmac-Signature */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The answer the carrier expects, as it expects it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/xml": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/kuaidi100/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kuaidi100 tracking callbacks (form: param, sign = MD5(param + salt) upper case) for a Kuaidi100 connection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The answer the carrier expects, as it expects it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/xml": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/shopify/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shopify webhooks (orders/create|updated|cancelled, refunds/create, fulfillments/create|update) for a Shopify connection, verified with X-Shopify-Hmac-Sha256 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ordersWritten: number;
                            received: boolean;
                            topic: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/sms/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delivery reports of an SMS connection: Aliyun SmsReport and Tencent status callbacks (JSON arrays, ?token=), Twilio status callbacks (X-Twilio-Signature) */
        post: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The answer the SMS provider expects, as it expects it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/xml": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/stripe/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stripe events (charge.refunded, refund.updated …) for a Stripe connection, verified with its signing secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventId: string;
                            received: boolean;
                            refundsSettled: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/woocommerce/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WooCommerce webhooks (order.created, order.updated) for a WooCommerce connection, verified with X-WC-Webhook-Signature */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ordersWritten: number;
                            received: boolean;
                            topic: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/buyer-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The token's order and the same buyer's other delivered orders in this shop (same customer or e-mail), to return together in one parcel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orders: {
                                currency: string;
                                deliveredAt: string | null;
                                lines: {
                                    allowedReasons: string[];
                                    eligible: boolean;
                                    explanation: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                    lineId: string;
                                    noReasonUntil: string | null;
                                    paidMinor: number;
                                    quantity: number;
                                    returnableQuantity: number;
                                    sku: string;
                                    title: string;
                                }[];
                                number: string;
                                orderId: string;
                                placedAt: string;
                                reasons: {
                                    code: string;
                                    evidenceRequired: boolean;
                                    label: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channels the buyer hears on about this order’s returns, and which they stopped */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Masked: enough to recognise */
                                address: string;
                                /** @enum {string} */
                                channel: "email" | "sms";
                                optedOut: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/notifications/{channel}/opt-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Messages on this channel again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "sms";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Masked: enough to recognise */
                                address: string;
                                /** @enum {string} */
                                channel: "email" | "sms";
                                optedOut: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/notifications/{channel}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** No more messages on this channel to this contact */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "sms";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Masked: enough to recognise */
                                address: string;
                                /** @enum {string} */
                                channel: "email" | "sms";
                                optedOut: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The token's order: lines with what the policy says about each, reasons, refund methods, exchange options, returns so far */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            evaluatedAt: string;
                            /** @description An exchange or store credit offered before a refund (issue 19 §3) */
                            exchangeFirst: {
                                enabled: boolean;
                                exchange: boolean;
                                storeCredit: boolean;
                                storeCreditBonusBp: number;
                            };
                            lines: {
                                allowedCaseTypes: ("refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery")[];
                                allowedReasons: string[];
                                /** @description The variant’s options, e.g. {"颜色": "蓝", "尺码": "M"} */
                                attributes: {
                                    [key: string]: string;
                                };
                                eligible: boolean;
                                evidenceRequiredFor: string[];
                                exchangeOptions: {
                                    /** @description The variant’s options, e.g. {"颜色": "蓝", "尺码": "M"} */
                                    attributes: {
                                        [key: string]: string;
                                    };
                                    inStock: number;
                                    priceMinor: number;
                                    /** @description The variant the buyer has (a defective item replaced by a new one) */
                                    same: boolean;
                                    sku: string;
                                    title: string;
                                }[];
                                explanation: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                /** Format: uuid */
                                lineId: string;
                                lineNo: number;
                                noReasonUntil: string | null;
                                /** @description The goods need not come back: not delivered yet, or worth less than the return costs */
                                noReturnNeeded: boolean;
                                paidMinor: number;
                                quantity: number;
                                restriction: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                returnableQuantity: number;
                                /** @description The policy rule that decided (stable code) */
                                rule: string;
                                sellerFaultUntil: string | null;
                                sku: string;
                                title: string;
                                unitPriceMinor: number;
                            }[];
                            order: {
                                currency: string;
                                deliveredAt: string | null;
                                number: string;
                                paymentMethod: string | null;
                                /** Format: date-time */
                                placedAt: string;
                                shippedAt: string | null;
                                shippingFeeMinor: number;
                                /** @enum {string} */
                                status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                                totalMinor: number;
                            };
                            policy: {
                                /** @enum {string} */
                                exchangePriceIncrease: "buyer_pays" | "shop_absorbs";
                                exchangesEnabled: boolean;
                                refundMethods: ("original" | "store_credit")[];
                                storeCreditBonusBp: number;
                            };
                            reasons: {
                                caseTypes: ("refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery")[] | null;
                                code: string;
                                evidenceRequired: boolean;
                                /** @enum {string} */
                                fault: "seller" | "buyer" | "carrier";
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                };
                            }[];
                            returns: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            shop: {
                                currency: string;
                                defaultLocale: string;
                                locales: string[];
                                logoUrl: string | null;
                                name: string;
                                slug: string;
                                /** @description IANA time zone, e.g. Asia/Shanghai */
                                timezone: string;
                            };
                            /** @description Largest photo or video the server accepts */
                            uploadLimitBytes: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/return-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One return of several of the buyer’s orders: one parcel, one code, one case per order (all or nothing)
         * @description An order that is not the buyer’s gets 404 portal.not_found.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        orders: {
                            items: {
                                /** @enum {string} */
                                condition?: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                            }[];
                            /** Format: uuid */
                            orderId: string;
                        }[];
                        /** @enum {string} */
                        refundMethod?: "original" | "store_credit";
                        /**
                         * @description One parcel for all: a courier pickup or a drop-off with one QR code
                         * @enum {string}
                         */
                        returnMethod?: "pickup" | "drop_off";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/return-groups/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the buyer’s return groups by its code: every case of the parcel, each with its order
         * @description A group with an order that is not the buyer’s gets 404 portal.not_found.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group’s code (or id) */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    acceptedQuantity: number | null;
                                    /** @enum {string} */
                                    condition: "unopened" | "opened" | "used" | "damaged";
                                    grade: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    quantity: number;
                                    reasonCode: string;
                                    receivedQuantity: number | null;
                                    sku: string;
                                    title: string;
                                }[];
                                /** Format: uuid */
                                orderId: string;
                                orderNumber: string;
                                /** @description This case’s refund as last computed (each order’s money is its own) */
                                refundMinor: number;
                                rmaNumber: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                                /** @enum {string} */
                                type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            }[];
                            /** @description G + the first case’s RMA number: printed on the label, scanned at the warehouse */
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The one label for the parcel can be printed now */
                            labelAvailable: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/return-groups/{ref}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The one printable label for the parcel (PDF): the group’s code as QR and barcode, and each case with its order on the packing slip */
        get: {
            parameters: {
                query?: {
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    /** @description The group’s code (or id) */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The PDF (inline; never cached) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a return, refund or exchange */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            condition?: "unopened" | "opened" | "used" | "damaged";
                            /** Format: uuid */
                            lineId: string;
                            note?: string;
                            quantity: number;
                            reasonCode: string;
                            /** @description Exchanged items: the variant wanted (the same one for a defective item) */
                            replacementSku?: string;
                            /**
                             * @description This item: money back (`refund`) or a replacement (`exchange`); default: the request’s resolution. Items may differ.
                             * @enum {string}
                             */
                            resolution?: "refund" | "exchange";
                        }[];
                        note?: string;
                        /**
                         * @description refund: to the original payment; store_credit: with its bonus; exchange: another variant of the same product
                         * @enum {string}
                         */
                        resolution: "refund" | "store_credit" | "exchange";
                        /**
                         * @description pickup by a courier, drop-off with a QR code, or none when the goods need not come back
                         * @enum {string}
                         */
                        returnMethod: "pickup" | "drop_off" | "none";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A return of the order: status, timeline, next step and deadline, messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the return while allowed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/carrier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the shop’s carriers can collect the parcel or give a drop-off code, and the parcels with their last scan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dropOff: boolean;
                            /** @description Carriers Retour knows by name, and what their tracking numbers look like */
                            formats: {
                                code: string;
                                example: string;
                                names: string[];
                                /** @description A regular expression a tracking number of this carrier matches */
                                pattern: string;
                            }[];
                            parcels: {
                                carrier: string;
                                dropOffCode: string | null;
                                labelUrl: string | null;
                                pickup: {
                                    address: {
                                        city?: string;
                                        country?: string;
                                        /** @description The full street address on one line */
                                        line: string;
                                        name: string;
                                        phone: string;
                                        postalCode?: string;
                                        province?: string;
                                    };
                                    /** @description The carrier’s own code for that status */
                                    code?: string;
                                    confirmation: string | null;
                                    courier?: {
                                        name: string | null;
                                        phone: string | null;
                                    } | null;
                                    /** @enum {string} */
                                    status?: "submitted" | "accepted" | "courier_assigned" | "picked_up" | "cancelled" | "failed";
                                    updatedAt?: string;
                                    windowEnd: string;
                                    windowStart: string;
                                } | null;
                                /**
                                 * @description `in_transit`, `delivered`, `lost`, or `cancelled` (the carrier cancelled the booked pickup)
                                 * @enum {string}
                                 */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingAt: string | null;
                                trackingNumber: string;
                                trackingStatus: string | null;
                            }[];
                            pickup: boolean;
                            pickupAddress: {
                                city?: string;
                                country?: string;
                                /** @description The full street address on one line */
                                line: string;
                                name: string;
                                phone: string;
                                postalCode?: string;
                                province?: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/carrier/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book a courier pickup (window and address) or get a drop-off code, where the shop’s carrier offers it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: {
                            city?: string;
                            country?: string;
                            /** @description The full street address on one line */
                            line: string;
                            name: string;
                            phone: string;
                            postalCode?: string;
                            province?: string;
                        };
                        /** @enum {string} */
                        method: "pickup" | "drop_off";
                        /** Format: date-time */
                        windowEnd?: string;
                        /** Format: date-time */
                        windowStart?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dropOff: boolean;
                            /** @description Carriers Retour knows by name, and what their tracking numbers look like */
                            formats: {
                                code: string;
                                example: string;
                                names: string[];
                                /** @description A regular expression a tracking number of this carrier matches */
                                pattern: string;
                            }[];
                            parcels: {
                                carrier: string;
                                dropOffCode: string | null;
                                labelUrl: string | null;
                                pickup: {
                                    address: {
                                        city?: string;
                                        country?: string;
                                        /** @description The full street address on one line */
                                        line: string;
                                        name: string;
                                        phone: string;
                                        postalCode?: string;
                                        province?: string;
                                    };
                                    /** @description The carrier’s own code for that status */
                                    code?: string;
                                    confirmation: string | null;
                                    courier?: {
                                        name: string | null;
                                        phone: string | null;
                                    } | null;
                                    /** @enum {string} */
                                    status?: "submitted" | "accepted" | "courier_assigned" | "picked_up" | "cancelled" | "failed";
                                    updatedAt?: string;
                                    windowEnd: string;
                                    windowStart: string;
                                } | null;
                                /**
                                 * @description `in_transit`, `delivered`, `lost`, or `cancelled` (the carrier cancelled the booked pickup)
                                 * @enum {string}
                                 */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingAt: string | null;
                                trackingNumber: string;
                                trackingStatus: string | null;
                            }[];
                            pickup: boolean;
                            pickupAddress: {
                                city?: string;
                                country?: string;
                                /** @description The full street address on one line */
                                line: string;
                                name: string;
                                phone: string;
                                postalCode?: string;
                                province?: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a photo or video (multipart/form-data: purpose and itemId, then file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mime: string;
                            /** @enum {string} */
                            purpose: "claim" | "inspection" | "message";
                            sha256: string;
                            sizeBytes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/evidence-request/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the evidence the shop asked for (upload each file to …/evidence first): the request goes back to the shop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidenceIds: string[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Printable return label and packing slip (PDF, with a QR code) */
        get: {
            parameters: {
                query?: {
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The PDF (inline; never cached) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write to the shop about the return */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        evidenceIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/offer/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the shop's partial-refund offer: the offered amount is refunded and the goods stay with the buyer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/offer/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the shop's partial-refund offer: the request goes back to the shop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/{id}/shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The buyer handed the parcel to a courier: carrier and tracking number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("approve" | "reject" | "revise" | "cancel" | "escalate" | "resolve" | "offer_partial" | "accept_offer" | "decline_offer" | "buyer_shipped" | "intercepted" | "goods_not_returned" | "receive" | "inspect" | "refund" | "fast_refund" | "complete" | "exchange" | "ship_replacement" | "confirm_payment" | "refund_succeeded" | "refund_failed" | "close" | "note" | "message" | "request_evidence" | "provide_evidence" | "evidence_overdue")[];
                            buyerNote: string | null;
                            buyerOwesMinor: number;
                            buyerPaidMinor: number;
                            /** @description Compensation the shop granted for the trouble (issue 19 §1) */
                            compensations: {
                                amountMinor: number;
                                couponCode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                currency: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "coupon" | "store_credit" | "points";
                                points: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            dropOff: {
                                code: string;
                                /** @description The code as an SVG QR image */
                                qrSvg: string;
                            } | null;
                            evidence: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mime: string;
                                /** @enum {string} */
                                purpose: "claim" | "inspection" | "message";
                                sizeBytes: number;
                                /** @enum {string} */
                                uploadedBy: "buyer" | "staff" | "system" | "platform";
                            }[];
                            evidenceRequest: {
                                answeredAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                hours: number;
                                kinds: string[];
                                note: string | null;
                                outcome: ("provided" | "expired") | null;
                                /** Format: date-time */
                                requestedAt: string;
                            } | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                acceptedQuantity: number | null;
                                /** @enum {string} */
                                condition: "unopened" | "opened" | "used" | "damaged";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                reasonLabel: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                receivedQuantity: number | null;
                                /** @enum {string} */
                                resolution: "refund" | "exchange";
                                sku: string | null;
                                title: string | null;
                            }[];
                            label: {
                                available: boolean;
                            };
                            messages: {
                                /** @enum {string} */
                                author: "buyer" | "staff" | "system" | "platform";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            nextDeadline: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @description merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund */
                                kind: string;
                                /** @description What happens when it passes (an action, e.g. approve, cancel) */
                                outcome: string;
                            } | null;
                            offerAmountMinor: number | null;
                            orderNumber: string | null;
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            refundedMinor: number;
                            /** @enum {string} */
                            refundMethod: "original" | "store_credit";
                            refunds: {
                                amountMinor: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                settledAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            rejection: {
                                code: string;
                                label: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                reason: string | null;
                            } | null;
                            replacements: {
                                itemId: string | null;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            returnAddress: {
                                addressLatin: string | null;
                                addressZh: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string;
                                postalCode: string | null;
                                warehouse: string | null;
                            } | null;
                            /** @enum {string} */
                            returnMethod: "pickup" | "drop_off" | "self_ship" | "none";
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            rmaNumber: string;
                            shipments: {
                                carrier: string;
                                /** @enum {string} */
                                direction: "return" | "replacement" | "outbound";
                                shippedAt: string | null;
                                /** @enum {string} */
                                status: "in_transit" | "delivered" | "lost" | "cancelled";
                                trackingNumber: string;
                            }[];
                            /** @enum {string} */
                            status: "requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed";
                            timeline: {
                                action: string | null;
                                /** @enum {string} */
                                actor: "buyer" | "staff" | "system" | "platform";
                                /** Format: date-time */
                                at: string;
                                explanation: string | null;
                                from: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** Format: uuid */
                                id: string;
                                to: ("requested" | "approved" | "rejected" | "offer_pending" | "awaiting_evidence" | "in_transit" | "not_returned" | "received" | "inspected" | "refund_pending" | "exchange_pending" | "escalated" | "completed" | "cancelled" | "closed") | null;
                                /** @description Event type, e.g. case.created, case.transitioned */
                                type: string;
                            }[];
                            /** @enum {string} */
                            type: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/returns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The exact refund, fees and who pays return shipping for a would-be return, creating nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            condition?: "unopened" | "opened" | "used" | "damaged";
                            /** Format: uuid */
                            lineId: string;
                            note?: string;
                            quantity: number;
                            reasonCode: string;
                            /** @description Exchanged items: the variant wanted (the same one for a defective item) */
                            replacementSku?: string;
                            /**
                             * @description This item: money back (`refund`) or a replacement (`exchange`); default: the request’s resolution. Items may differ.
                             * @enum {string}
                             */
                            resolution?: "refund" | "exchange";
                        }[];
                        note?: string;
                        /**
                         * @description refund: to the original payment; store_credit: with its bonus; exchange: another variant of the same product
                         * @enum {string}
                         */
                        resolution: "refund" | "store_credit" | "exchange";
                        /**
                         * @description pickup by a courier, drop-off with a QR code, or none when the goods need not come back
                         * @enum {string}
                         */
                        returnMethod: "pickup" | "drop_off" | "none";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            caseType: "refund_only" | "return_refund" | "exchange" | "reship" | "partial_refund" | "refused_delivery";
                            eligible: boolean;
                            items: {
                                eligible: boolean;
                                evidenceRequired: boolean;
                                explanation: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                reasonCode: string;
                                rule: string;
                            }[];
                            refund: {
                                /** @enum {string} */
                                bound: "none" | "zero" | "order_remaining";
                                buyerOwesMinor: number;
                                compensationMinor: number;
                                computedMinor: number;
                                currency: string;
                                exchangeDifferenceMinor: number;
                                items: {
                                    amountMinor: number;
                                    buyerOwesMinor: number;
                                    differenceMinor: number;
                                    discountMinor: number;
                                    /** Format: uuid */
                                    lineId: string;
                                    quantity: number;
                                    refundMinor: number;
                                    replacementMinor: number;
                                    /** @enum {string} */
                                    resolution: "refund" | "exchange";
                                    restockingFeeMinor: number;
                                    taxMinor: number;
                                }[];
                                itemsMinor: number;
                                labelCostMinor: number;
                                /** @enum {string} */
                                method: "original" | "store_credit";
                                /** @description A top-up taken off the refund of the request’s other items */
                                nettedMinor: number;
                                orderRemainingMinor: number;
                                outboundShippingMinor: number;
                                payoutMinor: number;
                                refundMinor: number;
                                restockingFeeMinor: number;
                                shippingRefundMinor: number;
                                storeCreditBonusMinor: number;
                                storeCreditMinor: number;
                                taxMinor: number;
                            };
                            replacements: {
                                /** Format: uuid */
                                lineId: string;
                                quantity: number;
                                sku: string;
                                unitPriceMinor: number;
                            }[];
                            /** @enum {string} */
                            returnShippingPaidBy: "buyer" | "seller" | "insurer" | "none";
                            ruling: {
                                explanation: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                rule: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find an order by its number and the e-mail or phone given with it; returns a 2-hour token for that order
         * @description Send email or phone (one). An unknown order and a wrong contact both get 404 portal.not_found. Rate limited per address, and failures per address and order number together (429 portal.rate_limited).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string;
                        orderNumber: string;
                        phone?: string;
                        shopSlug: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            orderNumber: string;
                            shop: {
                                currency: string;
                                defaultLocale: string;
                                locales: string[];
                                logoUrl: string | null;
                                name: string;
                                slug: string;
                                /** @description IANA time zone, e.g. Asia/Shanghai */
                                timezone: string;
                            };
                            /** @description Send as Authorization: Bearer <token> on every other /portal/v1 call */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop /portal opens when no shop is named */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            defaultLocale: string;
                            locales: string[];
                            logoUrl: string | null;
                            name: string;
                            slug: string;
                            /** @description IANA time zone, e.g. Asia/Shanghai */
                            timezone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/v1/shops/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's name, logo and languages for the return portal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape (DESIGN §9) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every error has this shape (DESIGN §9) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            defaultLocale: string;
                            locales: string[];
                            logoUrl: string | null;
                            name: string;
                            slug: string;
                            /** @description IANA time zone, e.g. Asia/Shanghai */
                            timezone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the database did not answer (database_unreachable) */
                            error?: string;
                            /** @description The migrations not applied yet (migrations_pending) */
                            pendingMigrations?: string[];
                            /** @description `ok` (/healthz); `ready`, `shutting_down`, `migrations_pending` or `database_unreachable` (/readyz) */
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the database did not answer (database_unreachable) */
                            error?: string;
                            /** @description The migrations not applied yet (migrations_pending) */
                            pendingMigrations?: string[];
                            /** @description `ok` (/healthz); `ready`, `shutting_down`, `migrations_pending` or `database_unreachable` (/readyz) */
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error has this shape (DESIGN §9) */
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. order.not_found */
                code: string;
                details: {
                    [key: string]: unknown;
                };
                /** @description Human-readable explanation */
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
